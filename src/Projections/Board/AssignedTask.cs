namespace TaskForge.Projections.Board;

/// <summary>A task assigned to the reader, with where it is: its workspace, project and column, and its card.</summary>
public sealed record AssignedTask(Guid WorkspaceId, Guid ProjectId, Guid ColumnId, BoardCard Card);
