namespace TaskForge.Domain.Projects;

public abstract record ProjectEvent : IWorkspaceScoped
{
    public abstract Guid ProjectId { get; init; }

    public abstract Guid WorkspaceId { get; init; }

    public sealed record ProjectCreated(Guid ProjectId, Guid WorkspaceId, string Name, string Description, IReadOnlyList<BoardColumn> Columns) : ProjectEvent;

    public sealed record ProjectRenamed(Guid ProjectId, Guid WorkspaceId, string Name) : ProjectEvent;

    public sealed record ProjectDescriptionChanged(Guid ProjectId, Guid WorkspaceId, string Description) : ProjectEvent;

    public sealed record ProjectArchived(Guid ProjectId, Guid WorkspaceId) : ProjectEvent;

    public sealed record ProjectRestored(Guid ProjectId, Guid WorkspaceId) : ProjectEvent;

    public sealed record ColumnAdded(Guid ProjectId, Guid WorkspaceId, Guid ColumnId, string Name, int Index) : ProjectEvent;

    public sealed record ColumnRenamed(Guid ProjectId, Guid WorkspaceId, Guid ColumnId, string Name) : ProjectEvent;

    public sealed record ColumnsReordered(Guid ProjectId, Guid WorkspaceId, IReadOnlyList<Guid> ColumnIds) : ProjectEvent;

    /// <summary>Tasks still in the removed column now belong to <paramref name="TasksMovedToColumnId"/>.</summary>
    public sealed record ColumnRemoved(Guid ProjectId, Guid WorkspaceId, Guid ColumnId, Guid TasksMovedToColumnId) : ProjectEvent;
}
