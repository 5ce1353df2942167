namespace TaskForge.Projections.Board;

/// <summary>A deleted task of a project, as it was when deleted; <see cref="EventId"/> is the deleting event.</summary>
public sealed record DeletedTask(Guid WorkspaceId, Guid ProjectId, Guid TaskId, string Title, DateTimeOffset DeletedAt, Guid? DeletedBy, long EventId);
