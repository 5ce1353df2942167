namespace TaskForge.Domain.Tasks;

public abstract record TaskCommand(Guid ActorId, DateTimeOffset Now) : IWorkspaceScoped
{
    public abstract Guid WorkspaceId { get; init; }

    public abstract Guid ProjectId { get; init; }

    public abstract Guid TaskId { get; init; }

    public string StreamId => StreamIds.Task(TaskId);

    /// <summary>
    /// Without a column the task lands in the board's first column; without a position it gets
    /// <see cref="Rank.Initial"/> (the command path should pass <c>Rank.After(last rank in the column)</c>).
    /// </summary>
    public sealed record CreateTask(
        Guid ActorId,
        DateTimeOffset Now,
        Guid WorkspaceId,
        Guid ProjectId,
        Guid TaskId,
        string Title,
        string? Description = null,
        TaskPriority Priority = TaskPriority.None,
        DateTimeOffset? DueDate = null,
        IReadOnlyList<string>? Labels = null,
        IReadOnlyList<Guid>? Assignees = null,
        Guid? ColumnId = null,
        string? Position = null) : TaskCommand(ActorId, Now);

    public sealed record RenameTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, string Title)
        : TaskCommand(ActorId, Now);

    public sealed record EditTaskDescription(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, string Description)
        : TaskCommand(ActorId, Now);

    public sealed record AssignTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, Guid AssigneeId)
        : TaskCommand(ActorId, Now), IRetryableCommand;

    public sealed record UnassignTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, Guid AssigneeId)
        : TaskCommand(ActorId, Now), IRetryableCommand;

    /// <summary><paramref name="Position"/> is a <see cref="Rank"/> computed from the neighbours on the board.</summary>
    public sealed record MoveTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, Guid ColumnId, string Position)
        : TaskCommand(ActorId, Now);

    public sealed record SetTaskPriority(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, TaskPriority Priority)
        : TaskCommand(ActorId, Now);

    public sealed record SetTaskDueDate(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, DateTimeOffset DueDate)
        : TaskCommand(ActorId, Now);

    public sealed record ClearTaskDueDate(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId)
        : TaskCommand(ActorId, Now);

    public sealed record AddTaskLabel(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, string Label)
        : TaskCommand(ActorId, Now), IRetryableCommand;

    public sealed record RemoveTaskLabel(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, string Label)
        : TaskCommand(ActorId, Now), IRetryableCommand;

    /// <summary>The actor starts watching the task.</summary>
    public sealed record WatchTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId)
        : TaskCommand(ActorId, Now), IRetryableCommand;

    /// <summary>The actor stops watching the task.</summary>
    public sealed record UnwatchTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId)
        : TaskCommand(ActorId, Now), IRetryableCommand;

    public sealed record CompleteTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId)
        : TaskCommand(ActorId, Now);

    public sealed record ReopenTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId)
        : TaskCommand(ActorId, Now);

    /// <summary>A soft delete: the task leaves the board, its history stays.</summary>
    public sealed record DeleteTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId)
        : TaskCommand(ActorId, Now);

    /// <summary>Undoes a delete: the task comes back to its board with everything it had (ADR 0140).</summary>
    public sealed record RestoreTask(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId)
        : TaskCommand(ActorId, Now);
}
