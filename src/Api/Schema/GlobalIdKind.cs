namespace TaskForge.Api.Schema;

/// <summary>The type tag of a <see cref="GlobalId"/> (its first byte: never renumber).</summary>
public enum GlobalIdKind : byte
{
    User = 1,
    Workspace = 2,
    Invitation = 3,
    Project = 4,
    Column = 5,
    Task = 6,
    Comment = 7,
    ApiKey = 8,
    FeedEntry = 9,
    Notification = 10,
}
