using TaskForge.Domain.Projects;
using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Tasks.TaskCommand;

namespace TaskForge.Domain.Tasks;

public static partial class TaskDecider
{
    public static TaskState Initial => TaskState.Initial;

    public static Decision<TaskEvent> Decide(TaskCommand command, TaskState state, TaskContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (WorkspaceAccess.Require(context.Workspace, command.WorkspaceId, command.ActorId, WorkspaceRoles.CanChangeContent, "change tasks") is { } denied)
            return denied;
        if (context.Project is not ProjectState.Created project
            || project.WorkspaceId != command.WorkspaceId
            || project.ProjectId != command.ProjectId)
            return DomainError.NotFound("Project");
        var workspace = (WorkspaceState.Active)context.Workspace;

        if (command is CreateTask create)
        {
            if (state is not TaskState.NotCreated)
                return new DomainError(ErrorCodes.AlreadyExists, "A task with this id already exists.");
            return project.IsArchived ? ArchivedError : Create(create, workspace, project);
        }

        if (command is RestoreTask)
            return Restore(state, command, project);
        if (state is TaskState.Deleted { Details: var deleted } && Belongs(deleted, command) && command is DeleteTask)
            return Decision<TaskEvent>.None;
        if (state is not TaskState.Active { Details: var task } || !Belongs(task, command))
            return DomainError.NotFound("Task");
        if (project.IsArchived)
            return ArchivedError;

        return command switch
        {
            RenameTask c => Rename(c, task),
            EditTaskDescription c => EditDescription(c, task),
            AssignTask c => Assign(c, task, workspace),
            UnassignTask c => task.Assignees.Contains(c.AssigneeId)
                ? new TaskEvent.TaskUnassigned(task.TaskId, task.ProjectId, task.WorkspaceId, c.AssigneeId)
                : Decision<TaskEvent>.None,
            MoveTask c => Move(c, task, project),
            SetTaskPriority c => SetPriority(c, task),
            SetTaskDueDate c => task.DueDate == c.DueDate
                ? Decision<TaskEvent>.None
                : new TaskEvent.TaskDueDateSet(task.TaskId, task.ProjectId, task.WorkspaceId, c.DueDate),
            ClearTaskDueDate => task.DueDate is null
                ? Decision<TaskEvent>.None
                : new TaskEvent.TaskDueDateCleared(task.TaskId, task.ProjectId, task.WorkspaceId),
            AddTaskLabel c => AddLabel(c, task),
            RemoveTaskLabel c => RemoveLabel(c, task),
            WatchTask c => task.Watchers.Contains(c.ActorId)
                ? Decision<TaskEvent>.None
                : new TaskEvent.TaskWatched(task.TaskId, task.ProjectId, task.WorkspaceId, c.ActorId),
            UnwatchTask c => task.Watchers.Contains(c.ActorId)
                ? new TaskEvent.TaskUnwatched(task.TaskId, task.ProjectId, task.WorkspaceId, c.ActorId)
                : Decision<TaskEvent>.None,
            CompleteTask => task.IsCompleted
                ? Decision<TaskEvent>.None
                : new TaskEvent.TaskCompleted(task.TaskId, task.ProjectId, task.WorkspaceId),
            ReopenTask => task.IsCompleted
                ? new TaskEvent.TaskReopened(task.TaskId, task.ProjectId, task.WorkspaceId)
                : Decision<TaskEvent>.None,
            DeleteTask => new TaskEvent.TaskDeleted(task.TaskId, task.ProjectId, task.WorkspaceId),
            _ => DomainError.Validation($"Unknown task command {command.GetType().Name}."),
        };
    }

    // Back where it was, following a removed column to where that column's tasks went; a task already back is left as it is.
    private static Decision<TaskEvent> Restore(TaskState state, TaskCommand command, ProjectState.Created project)
    {
        if (state is TaskState.Active { Details: var live } && Belongs(live, command))
            return Decision<TaskEvent>.None;
        if (state is not TaskState.Deleted { Details: var task } || !Belongs(task, command))
            return DomainError.NotFound("Task");
        if (project.IsArchived)
            return ArchivedError;
        var column = project.ResolveColumn(task.ColumnId) ?? project.FirstColumnId;
        return new TaskEvent.TaskRestored(task.TaskId, task.ProjectId, task.WorkspaceId, column, task.Position);
    }

    private static DomainError ArchivedError { get; } =
        new(ErrorCodes.Archived, "The project is archived; restore it before changing its tasks.");

    private static bool Belongs(TaskDetails task, TaskCommand command) =>
        task.WorkspaceId == command.WorkspaceId && task.ProjectId == command.ProjectId && task.TaskId == command.TaskId;
}
