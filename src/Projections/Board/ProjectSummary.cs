namespace TaskForge.Projections.Board;

/// <summary>A project without its board; <see cref="Version"/> and <see cref="EventId"/> as in <see cref="BoardView"/>.</summary>
public sealed record ProjectSummary(Guid ProjectId, Guid WorkspaceId, string Name, string Description, bool Archived, long Version, long EventId);
