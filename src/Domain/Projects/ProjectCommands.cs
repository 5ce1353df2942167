namespace TaskForge.Domain.Projects;

public abstract record ProjectCommand(Guid ActorId, DateTimeOffset Now) : IWorkspaceScoped
{
    public abstract Guid WorkspaceId { get; init; }

    public abstract Guid ProjectId { get; init; }

    public string StreamId => StreamIds.Project(ProjectId);

    /// <summary>Without columns (null or empty) the project gets <see cref="DefaultBoard"/>.</summary>
    public sealed record CreateProject(
        Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, string Name, string? Description = null, IReadOnlyList<BoardColumn>? Columns = null)
        : ProjectCommand(ActorId, Now);

    public sealed record RenameProject(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, string Name)
        : ProjectCommand(ActorId, Now);

    public sealed record DescribeProject(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, string Description)
        : ProjectCommand(ActorId, Now);

    public sealed record ArchiveProject(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId)
        : ProjectCommand(ActorId, Now);

    public sealed record RestoreProject(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId)
        : ProjectCommand(ActorId, Now);

    /// <summary>Inserts the column at <paramref name="Index"/> (0-based), or appends it when null.</summary>
    public sealed record AddColumn(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid ColumnId, string Name, int? Index = null)
        : ProjectCommand(ActorId, Now);

    public sealed record RenameColumn(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid ColumnId, string Name)
        : ProjectCommand(ActorId, Now);

    /// <summary>The new order: every column of the board exactly once.</summary>
    public sealed record ReorderColumns(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, IReadOnlyList<Guid> ColumnIds)
        : ProjectCommand(ActorId, Now);

    /// <summary>
    /// <paramref name="TasksInColumn"/> comes from the board read model (the project stream cannot
    /// see tasks); a column holding tasks needs a <paramref name="TargetColumnId"/> (ADR 0041).
    /// </summary>
    public sealed record RemoveColumn(
        Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid ColumnId, Guid? TargetColumnId, int TasksInColumn)
        : ProjectCommand(ActorId, Now);
}
