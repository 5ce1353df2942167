using TaskForge.Domain.Tasks;
using TaskForge.Domain.Tests.Support;
using static TaskForge.Domain.Tasks.TaskCommand;
using static TaskForge.Domain.Tasks.TaskEvent;
using static TaskForge.Domain.Tests.Support.TaskFixture;

namespace TaskForge.Domain.Tests.Tasks;

public sealed class TaskEditingTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Given_a_task_When_renamed_Then_TaskRenamed_with_the_trimmed_title() =>
        WhenOnCreated(new RenameTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, "  Publish the post "))
            .Then(new TaskRenamed(TaskId, Project, Workspace, "Publish the post"));

    [Fact]
    public void Given_a_task_When_renamed_to_its_title_Then_no_events() =>
        WhenOnCreated(new RenameTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, Created.Title))
            .ThenNothing();

    [Theory]
    [InlineData("")]
    [InlineData("two\nlines")]
    [InlineData("del\u007f")]
    public void Given_a_task_When_renamed_to_a_bad_title_Then_VALIDATION(string title) =>
        WhenOnCreated(new RenameTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, title))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_task_When_its_description_is_edited_Then_TaskDescriptionEdited() =>
        WhenOnCreated(new EditTaskDescription(Ids.Member, Ids.Now, Workspace, Project, TaskId, "Draft\r\n\tthen review"))
            .Then(new TaskDescriptionEdited(TaskId, Project, Workspace, "Draft\r\n\tthen review"));

    [Fact]
    public void Given_a_task_When_its_description_is_set_to_the_same_text_Then_no_events() =>
        WhenOnCreated(new EditTaskDescription(Ids.Member, Ids.Now, Workspace, Project, TaskId, "  "))
            .ThenNothing();

    [Fact]
    public void Given_a_task_When_its_description_is_too_long_Then_VALIDATION() =>
        WhenOnCreated(new EditTaskDescription(Ids.Member, Ids.Now, Workspace, Project, TaskId, new string('x', 20_001)))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_task_When_its_priority_is_set_Then_TaskPriorityChanged() =>
        WhenOnCreated(new SetTaskPriority(Ids.Member, Ids.Now, Workspace, Project, TaskId, TaskPriority.Urgent))
            .Then(new TaskPriorityChanged(TaskId, Project, Workspace, TaskPriority.Urgent));

    [Fact]
    public void Given_a_task_When_its_priority_is_set_to_the_current_one_Then_no_events() =>
        WhenOnCreated(new SetTaskPriority(Ids.Member, Ids.Now, Workspace, Project, TaskId, TaskPriority.None))
            .ThenNothing();

    [Fact]
    public void Given_a_task_When_an_undefined_priority_is_set_Then_VALIDATION() =>
        WhenOnCreated(new SetTaskPriority(Ids.Member, Ids.Now, Workspace, Project, TaskId, (TaskPriority)(-3)))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_task_When_a_due_date_is_set_Then_TaskDueDateSet() =>
        WhenOnCreated(new SetTaskDueDate(Ids.Member, Ids.Now, Workspace, Project, TaskId, Due))
            .Then(new TaskDueDateSet(TaskId, Project, Workspace, Due));

    [Fact]
    public void Given_a_due_date_When_the_same_due_date_is_set_Then_no_events() =>
        WhenOnCreated(new SetTaskDueDate(Ids.Member, Ids.Now, Workspace, Project, TaskId, Due), new TaskDueDateSet(TaskId, Project, Workspace, Due))
            .ThenNothing();

    [Fact]
    public void Given_a_due_date_When_it_is_cleared_Then_TaskDueDateCleared() =>
        WhenOnCreated(new ClearTaskDueDate(Ids.Member, Ids.Now, Workspace, Project, TaskId), new TaskDueDateSet(TaskId, Project, Workspace, Due))
            .Then(new TaskDueDateCleared(TaskId, Project, Workspace));

    [Fact]
    public void Given_no_due_date_When_it_is_cleared_Then_no_events() =>
        WhenOnCreated(new ClearTaskDueDate(Ids.Member, Ids.Now, Workspace, Project, TaskId))
            .ThenNothing();

    [Fact]
    public void Given_a_task_When_a_label_is_added_Then_TaskLabelAdded() =>
        WhenOnCreated(new AddTaskLabel(Ids.Member, Ids.Now, Workspace, Project, TaskId, " urgent "))
            .Then(new TaskLabelAdded(TaskId, Project, Workspace, "urgent"));

    [Fact]
    public void Given_a_label_When_it_is_added_again_in_another_case_Then_no_events() =>
        WhenOnCreated(new AddTaskLabel(Ids.Member, Ids.Now, Workspace, Project, TaskId, "URGENT"), new TaskLabelAdded(TaskId, Project, Workspace, "urgent"))
            .ThenNothing();

    [Fact]
    public void Given_20_labels_When_another_is_added_Then_VALIDATION() =>
        WhenOnCreated(
                new AddTaskLabel(Ids.Member, Ids.Now, Workspace, Project, TaskId, "one-too-many"),
                [.. Enumerable.Range(0, 20).Select(i => new TaskLabelAdded(TaskId, Project, Workspace, $"l{i}"))])
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_task_When_a_51_character_label_is_added_Then_VALIDATION() =>
        WhenOnCreated(new AddTaskLabel(Ids.Member, Ids.Now, Workspace, Project, TaskId, new string('l', 51)))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_label_When_it_is_removed_in_another_case_Then_TaskLabelRemoved_with_the_stored_label() =>
        WhenOnCreated(new RemoveTaskLabel(Ids.Member, Ids.Now, Workspace, Project, TaskId, "Urgent"), new TaskLabelAdded(TaskId, Project, Workspace, "urgent"))
            .Then(new TaskLabelRemoved(TaskId, Project, Workspace, "urgent"));

    [Fact]
    public void Given_no_label_When_it_is_removed_Then_no_events() =>
        WhenOnCreated(new RemoveTaskLabel(Ids.Member, Ids.Now, Workspace, Project, TaskId, "urgent"))
            .ThenNothing();

    [Fact]
    public void Given_edits_When_evolved_Then_the_task_shows_them()
    {
        var task = Details(
            new TaskRenamed(TaskId, Project, Workspace, "New"),
            new TaskDescriptionEdited(TaskId, Project, Workspace, "Body"),
            new TaskPriorityChanged(TaskId, Project, Workspace, TaskPriority.Low),
            new TaskDueDateSet(TaskId, Project, Workspace, Due),
            new TaskLabelAdded(TaskId, Project, Workspace, "a"),
            new TaskLabelAdded(TaskId, Project, Workspace, "b"),
            new TaskLabelRemoved(TaskId, Project, Workspace, "a"));
        Assert.Equal(("New", "Body", TaskPriority.Low, (DateTimeOffset?)Due), (task.Title, task.Description, task.Priority, task.DueDate));
        Assert.Equal(["b"], task.Labels);
    }
}
