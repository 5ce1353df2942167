using TaskForge.Domain.Projects;
using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Tasks.TaskCommand;
using static TaskForge.Domain.Tasks.TaskEvent;

namespace TaskForge.Domain.Tasks;

public static partial class TaskDecider
{
    private static Decision<TaskEvent> Create(CreateTask c, WorkspaceState.Active workspace, ProjectState.Created project)
    {
        if (TextInput.SingleLine("title", c.Title, InputLimits.TitleMaxLength, out var title) is { } titleError)
            return titleError;
        if (TextInput.MultiLine("description", c.Description, InputLimits.DescriptionMaxLength, allowEmpty: true, out var description) is { } descriptionError)
            return descriptionError;
        if (!Enum.IsDefined(c.Priority))
            return InvalidPriority(c.Priority);
        if (ValidateLabels(c.Labels ?? [], out var labels) is { } labelError)
            return labelError;
        if (ValidateAssignees(c.Assignees ?? [], workspace, out var assignees) is { } assigneeError)
            return assigneeError;
        var columnId = c.ColumnId ?? project.FirstColumnId;
        if (!project.HasColumn(columnId))
            return NotOnBoard(columnId);
        var position = c.Position ?? Rank.Initial;
        if (!Rank.IsValid(position))
            return InvalidPosition();

        return Decision<TaskEvent>.Of(
            new TaskCreated(c.TaskId, c.ProjectId, c.WorkspaceId, title, description, c.Priority, c.DueDate, labels, assignees, columnId, position),
            new TaskWatched(c.TaskId, c.ProjectId, c.WorkspaceId, c.ActorId));
    }

    private static DomainError? ValidateLabels(IReadOnlyList<string> requested, out IReadOnlyList<string> labels)
    {
        labels = [];
        var valid = new List<string>();
        foreach (var raw in requested)
        {
            if (TextInput.SingleLine("label", raw, InputLimits.LabelMaxLength, out var label) is { } error)
                return error with { Field = "labels" };
            if (!valid.Exists(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase)))
                valid.Add(label);
        }

        if (valid.Count > InputLimits.LabelsPerTask)
            return DomainError.Validation($"labels: a task has at most {InputLimits.LabelsPerTask} labels (got {valid.Count}).", "labels");
        labels = valid;
        return null;
    }

    private static DomainError? ValidateAssignees(IReadOnlyList<Guid> requested, WorkspaceState.Active workspace, out IReadOnlyList<Guid> assignees)
    {
        assignees = [];
        var distinct = requested.Distinct().ToList();
        if (distinct.Count > InputLimits.AssigneesPerTask)
            return DomainError.Validation($"assignees: a task has at most {InputLimits.AssigneesPerTask} assignees (got {distinct.Count}).", "assigneeIds");
        foreach (var userId in distinct.Where(id => !workspace.Members.ContainsKey(id)))
            return NotAMember(userId, "assigneeIds");
        assignees = distinct;
        return null;
    }

    private static DomainError NotAMember(Guid userId, string field) =>
        new(ErrorCodes.NotAMember, $"assignees: user {userId} is not a member of this workspace.", field);

    private static DomainError NotOnBoard(Guid columnId) =>
        new(ErrorCodes.StatusNotOnBoard, $"columnId: the column {columnId} is not on this project's board.", "columnId");

    private static DomainError InvalidPosition() =>
        DomainError.Validation($"position must be a rank of 1 to {Rank.MaxLength} characters 0-9a-z, not ending in '0'.");

    private static DomainError InvalidPriority(TaskPriority priority) =>
        DomainError.Validation($"priority {(int)priority} is not a task priority.", "priority");
}
