namespace TaskForge.Domain.Tasks;

public abstract record TaskEvent : IWorkspaceScoped
{
    public abstract Guid TaskId { get; init; }

    public abstract Guid ProjectId { get; init; }

    public abstract Guid WorkspaceId { get; init; }

    public sealed record TaskCreated(
        Guid TaskId,
        Guid ProjectId,
        Guid WorkspaceId,
        string Title,
        string Description,
        TaskPriority Priority,
        DateTimeOffset? DueDate,
        IReadOnlyList<string> Labels,
        IReadOnlyList<Guid> Assignees,
        Guid ColumnId,
        string Position) : TaskEvent;

    public sealed record TaskRenamed(Guid TaskId, Guid ProjectId, Guid WorkspaceId, string Title) : TaskEvent;

    public sealed record TaskDescriptionEdited(Guid TaskId, Guid ProjectId, Guid WorkspaceId, string Description) : TaskEvent;

    public sealed record TaskAssigned(Guid TaskId, Guid ProjectId, Guid WorkspaceId, Guid UserId) : TaskEvent;

    public sealed record TaskUnassigned(Guid TaskId, Guid ProjectId, Guid WorkspaceId, Guid UserId) : TaskEvent;

    public sealed record TaskMoved(Guid TaskId, Guid ProjectId, Guid WorkspaceId, Guid FromColumnId, Guid ColumnId, string Position) : TaskEvent;

    public sealed record TaskPriorityChanged(Guid TaskId, Guid ProjectId, Guid WorkspaceId, TaskPriority Priority) : TaskEvent;

    public sealed record TaskDueDateSet(Guid TaskId, Guid ProjectId, Guid WorkspaceId, DateTimeOffset DueDate) : TaskEvent;

    public sealed record TaskDueDateCleared(Guid TaskId, Guid ProjectId, Guid WorkspaceId) : TaskEvent;

    public sealed record TaskLabelAdded(Guid TaskId, Guid ProjectId, Guid WorkspaceId, string Label) : TaskEvent;

    public sealed record TaskLabelRemoved(Guid TaskId, Guid ProjectId, Guid WorkspaceId, string Label) : TaskEvent;

    public sealed record TaskWatched(Guid TaskId, Guid ProjectId, Guid WorkspaceId, Guid UserId) : TaskEvent;

    public sealed record TaskUnwatched(Guid TaskId, Guid ProjectId, Guid WorkspaceId, Guid UserId) : TaskEvent;

    public sealed record TaskCompleted(Guid TaskId, Guid ProjectId, Guid WorkspaceId) : TaskEvent;

    public sealed record TaskReopened(Guid TaskId, Guid ProjectId, Guid WorkspaceId) : TaskEvent;

    public sealed record TaskDeleted(Guid TaskId, Guid ProjectId, Guid WorkspaceId) : TaskEvent;

    /// <summary>A deleted task is back, in <paramref name="ColumnId"/> (its own, or where its removed column's tasks went) at <paramref name="Position"/>.</summary>
    public sealed record TaskRestored(Guid TaskId, Guid ProjectId, Guid WorkspaceId, Guid ColumnId, string Position) : TaskEvent;
}
