using TaskForge.Domain.Projects;
using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Tasks.TaskCommand;
using static TaskForge.Domain.Tasks.TaskEvent;

namespace TaskForge.Domain.Tasks;

public static partial class TaskDecider
{
    private static Decision<TaskEvent> Rename(RenameTask c, TaskDetails task)
    {
        if (TextInput.SingleLine("title", c.Title, InputLimits.TitleMaxLength, out var title) is { } error)
            return error;
        return title == task.Title ? Decision<TaskEvent>.None : new TaskRenamed(task.TaskId, task.ProjectId, task.WorkspaceId, title);
    }

    private static Decision<TaskEvent> EditDescription(EditTaskDescription c, TaskDetails task)
    {
        if (TextInput.MultiLine("description", c.Description, InputLimits.DescriptionMaxLength, allowEmpty: true, out var description) is { } error)
            return error;
        return description == task.Description
            ? Decision<TaskEvent>.None
            : new TaskDescriptionEdited(task.TaskId, task.ProjectId, task.WorkspaceId, description);
    }

    private static Decision<TaskEvent> SetPriority(SetTaskPriority c, TaskDetails task)
    {
        if (!Enum.IsDefined(c.Priority))
            return InvalidPriority(c.Priority);
        return c.Priority == task.Priority
            ? Decision<TaskEvent>.None
            : new TaskPriorityChanged(task.TaskId, task.ProjectId, task.WorkspaceId, c.Priority);
    }

    private static Decision<TaskEvent> Assign(AssignTask c, TaskDetails task, WorkspaceState.Active workspace)
    {
        if (!workspace.Members.ContainsKey(c.AssigneeId))
            return NotAMember(c.AssigneeId, "userId");
        if (task.Assignees.Contains(c.AssigneeId))
            return Decision<TaskEvent>.None;
        if (task.Assignees.Count >= InputLimits.AssigneesPerTask)
            return DomainError.Validation($"assignees: a task has at most {InputLimits.AssigneesPerTask} assignees.", "userId");
        return new TaskAssigned(task.TaskId, task.ProjectId, task.WorkspaceId, c.AssigneeId);
    }

    private static Decision<TaskEvent> AddLabel(AddTaskLabel c, TaskDetails task)
    {
        if (TextInput.SingleLine("label", c.Label, InputLimits.LabelMaxLength, out var label) is { } error)
            return error;
        if (task.HasLabel(label))
            return Decision<TaskEvent>.None;
        if (task.Labels.Count >= InputLimits.LabelsPerTask)
            return DomainError.Validation($"labels: a task has at most {InputLimits.LabelsPerTask} labels.", "label");
        return new TaskLabelAdded(task.TaskId, task.ProjectId, task.WorkspaceId, label);
    }

    private static Decision<TaskEvent> RemoveLabel(RemoveTaskLabel c, TaskDetails task)
    {
        if (TextInput.SingleLine("label", c.Label, InputLimits.LabelMaxLength, out var label) is { } error)
            return error;
        var existing = task.Labels.Find(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));
        return existing is null
            ? Decision<TaskEvent>.None
            : new TaskLabelRemoved(task.TaskId, task.ProjectId, task.WorkspaceId, existing);
    }

    private static Decision<TaskEvent> Move(MoveTask c, TaskDetails task, ProjectState.Created project)
    {
        if (!project.HasColumn(c.ColumnId))
            return NotOnBoard(c.ColumnId);
        if (!Rank.IsValid(c.Position))
            return InvalidPosition();
        var from = project.ResolveColumn(task.ColumnId) ?? project.FirstColumnId;
        return from == c.ColumnId && task.Position == c.Position
            ? Decision<TaskEvent>.None
            : new TaskMoved(task.TaskId, task.ProjectId, task.WorkspaceId, from, c.ColumnId, c.Position);
    }
}
