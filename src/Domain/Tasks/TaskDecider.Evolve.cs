using System.Collections.Immutable;
using static TaskForge.Domain.Tasks.TaskEvent;

namespace TaskForge.Domain.Tasks;

public static partial class TaskDecider
{
    public static TaskState Evolve(TaskState state, TaskEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return (state, @event) switch
        {
            (_, TaskCreated e) => new TaskState.Active(new TaskDetails(
                e.TaskId,
                e.ProjectId,
                e.WorkspaceId,
                e.Title,
                e.Description,
                e.Priority,
                e.DueDate,
                [.. e.Labels],
                [.. e.Assignees],
                ImmutableHashSet<Guid>.Empty,
                e.ColumnId,
                e.Position,
                IsCompleted: false)),
            (TaskState.Active active, TaskDeleted) => new TaskState.Deleted(active.Details),
            (TaskState.Deleted deleted, TaskRestored e) => new TaskState.Active(deleted.Details with { ColumnId = e.ColumnId, Position = e.Position }),
            (TaskState.Active active, _) => new TaskState.Active(Apply(active.Details, @event)),
            _ => state,
        };
    }

    private static TaskDetails Apply(TaskDetails task, TaskEvent @event) => @event switch
    {
        TaskRenamed e => task with { Title = e.Title },
        TaskDescriptionEdited e => task with { Description = e.Description },
        TaskAssigned e => task with { Assignees = task.Assignees.Contains(e.UserId) ? task.Assignees : task.Assignees.Add(e.UserId) },
        TaskUnassigned e => task with { Assignees = task.Assignees.Remove(e.UserId) },
        TaskMoved e => task with { ColumnId = e.ColumnId, Position = e.Position },
        TaskPriorityChanged e => task with { Priority = e.Priority },
        TaskDueDateSet e => task with { DueDate = e.DueDate },
        TaskDueDateCleared => task with { DueDate = null },
        TaskLabelAdded e => task with { Labels = task.HasLabel(e.Label) ? task.Labels : task.Labels.Add(e.Label) },
        TaskLabelRemoved e => task with { Labels = task.Labels.RemoveAll(l => string.Equals(l, e.Label, StringComparison.OrdinalIgnoreCase)) },
        TaskWatched e => task with { Watchers = task.Watchers.Add(e.UserId) },
        TaskUnwatched e => task with { Watchers = task.Watchers.Remove(e.UserId) },
        TaskCompleted => task with { IsCompleted = true },
        TaskReopened => task with { IsCompleted = false },
        _ => task,
    };
}
