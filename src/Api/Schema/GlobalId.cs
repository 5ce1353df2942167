using System.Buffers.Text;

namespace TaskForge.Api.Schema;

/// <summary>
/// Opaque global object ids: a type tag and the ids that locate the object (a task's carries its workspace and project,
/// so a mutation can route it without a lookup), as unpadded base64url. The deciders check that the ids belong together.
/// </summary>
public sealed record GlobalId(GlobalIdKind Kind, IReadOnlyList<Guid> Parts, long Number = 0)
{
    private static readonly Dictionary<GlobalIdKind, int> PartCounts = new()
    {
        [GlobalIdKind.User] = 1,
        [GlobalIdKind.Workspace] = 1,
        [GlobalIdKind.Invitation] = 2,
        [GlobalIdKind.Project] = 2,
        [GlobalIdKind.Column] = 3,
        [GlobalIdKind.Task] = 3,
        [GlobalIdKind.Comment] = 4,
        [GlobalIdKind.ApiKey] = 1,
        [GlobalIdKind.FeedEntry] = 0,
        [GlobalIdKind.Notification] = 0,
    };

    public Guid this[int index] => Parts[index];

    public static string User(Guid userId) => Encode(GlobalIdKind.User, userId);

    public static string Workspace(Guid workspaceId) => Encode(GlobalIdKind.Workspace, workspaceId);

    public static string Invitation(Guid workspaceId, Guid invitationId) => Encode(GlobalIdKind.Invitation, workspaceId, invitationId);

    public static string Project(Guid workspaceId, Guid projectId) => Encode(GlobalIdKind.Project, workspaceId, projectId);

    public static string Column(Guid workspaceId, Guid projectId, Guid columnId) => Encode(GlobalIdKind.Column, workspaceId, projectId, columnId);

    public static string Task(Guid workspaceId, Guid projectId, Guid taskId) => Encode(GlobalIdKind.Task, workspaceId, projectId, taskId);

    public static string Comment(Guid workspaceId, Guid projectId, Guid taskId, Guid commentId) =>
        Encode(GlobalIdKind.Comment, workspaceId, projectId, taskId, commentId);

    public static string ApiKey(Guid apiKeyId) => Encode(GlobalIdKind.ApiKey, apiKeyId);

    public static string FeedEntry(long eventId) => EncodeNumber(GlobalIdKind.FeedEntry, eventId);

    public static string Notification(long eventId) => EncodeNumber(GlobalIdKind.Notification, eventId);

    /// <summary>The id, or null when the text is not a well-formed global id.</summary>
    public static GlobalId? TryParse(string? text)
    {
        // TryDecodeFromChars throws (FormatException) on characters outside base64url instead of returning false.
        if (string.IsNullOrEmpty(text) || text.Length > 100 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!Base64Url.TryDecodeFromChars(text, bytes, out var length) || length < 1 || !Enum.IsDefined((GlobalIdKind)bytes[0]))
        {
            return null;
        }

        var kind = (GlobalIdKind)bytes[0];
        var parts = PartCounts[kind];
        if (parts == 0)
        {
            return length == 9 ? new GlobalId(kind, [], BitConverter.ToInt64(bytes, 1)) : null;
        }

        if (length != 1 + (16 * parts))
        {
            return null;
        }

        var guids = new Guid[parts];
        for (var i = 0; i < parts; i++)
        {
            guids[i] = new Guid(bytes.AsSpan(1 + (16 * i), 16));
        }

        return new GlobalId(kind, guids);
    }

    /// <summary>The id of the kind asked for; a GraphQL VALIDATION error naming <paramref name="field"/> otherwise.</summary>
    public static GlobalId Parse(string? text, GlobalIdKind kind, string field) =>
        TryParse(text) is { } id && id.Kind == kind ? id : throw new InputException($"{field} is not a valid {kind} id.", field);

    private static string Encode(GlobalIdKind kind, params Guid[] parts)
    {
        var bytes = new byte[1 + (16 * parts.Length)];
        bytes[0] = (byte)kind;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i].TryWriteBytes(bytes.AsSpan(1 + (16 * i), 16));
        }

        return Base64Url.EncodeToString(bytes);
    }

    private static string EncodeNumber(GlobalIdKind kind, long number)
    {
        var bytes = new byte[9];
        bytes[0] = (byte)kind;
        BitConverter.TryWriteBytes(bytes.AsSpan(1), number);
        return Base64Url.EncodeToString(bytes);
    }
}
