using TaskForge.Domain.Tasks;
using TaskForge.Domain.Tests.Support;
using static TaskForge.Domain.Tasks.TaskCommand;
using static TaskForge.Domain.Tasks.TaskEvent;
using static TaskForge.Domain.Tests.Support.TaskFixture;

namespace TaskForge.Domain.Tests.Tasks;

public sealed class TaskCreationTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    private static CreateTask Create(Guid? actor = null) =>
        new(actor ?? Ids.Member, Ids.Now, Workspace, Project, TaskId, "Write the launch post");

    [Fact]
    public void Given_nothing_When_a_member_creates_a_task_Then_TaskCreated_in_the_first_column_and_the_creator_watches() =>
        When(Create()).Then(Created, CreatorWatches);

    [Fact]
    public void Given_nothing_When_a_task_is_created_with_every_field_Then_TaskCreated_carries_them_trimmed_and_deduplicated() =>
        When(Create() with
        {
            Title = "  Ship it ",
            Description = "Steps:\n1. build\n",
            Priority = TaskPriority.High,
            DueDate = Due,
            Labels = [" bug ", "Bug", "ui"],
            Assignees = [Ids.Member, Ids.SecondMember, Ids.Member],
            ColumnId = ProjectFixture.Doing,
            Position = "i5",
        }).Then(
            new TaskCreated(TaskId, Project, Workspace, "Ship it", "Steps:\n1. build", TaskPriority.High, Due, ["bug", "ui"], [Ids.Member, Ids.SecondMember], ProjectFixture.Doing, "i5"),
            new TaskWatched(TaskId, Project, Workspace, Ids.Member));

    [Fact]
    public void Given_a_task_When_it_is_created_again_Then_ALREADY_EXISTS() =>
        WhenOnCreated(Create()).ThenError(ErrorCodes.AlreadyExists);

    [Fact]
    public void Given_nothing_When_created_in_a_column_not_on_the_board_Then_STATUS_NOT_ON_BOARD_about_columnId() =>
        Assert.Equal("columnId", When(Create() with { ColumnId = Guid.NewGuid() }).ThenError(ErrorCodes.StatusNotOnBoard).Field);

    [Fact]
    public void Given_nothing_When_created_with_a_non_member_assignee_Then_NOT_A_MEMBER_about_assigneeIds() =>
        Assert.Equal("assigneeIds", When(Create() with { Assignees = [Ids.Member, Ids.Outsider] }).ThenError(ErrorCodes.NotAMember).Field);

    [Fact]
    public void Given_nothing_When_created_with_21_assignees_Then_VALIDATION() =>
        When(Create() with { Assignees = [.. Enumerable.Range(0, 21).Select(_ => Guid.NewGuid())] }).ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_nothing_When_created_with_21_labels_Then_VALIDATION_about_labels() =>
        Assert.Equal("labels", When(Create() with { Labels = [.. Enumerable.Range(0, 21).Select(i => $"l{i}")] }).ThenError(ErrorCodes.Validation).Field);

    [Fact]
    public void Given_nothing_When_created_with_20_labels_Then_TaskCreated()
    {
        var decision = When(Create() with { Labels = [.. Enumerable.Range(0, 20).Select(i => $"l{i}")] }).Decision;
        Assert.Equal(20, Assert.IsType<TaskCreated>(decision.Events[0]).Labels.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\tinside")]
    [InlineData("nul\0")]
    public void Given_nothing_When_created_with_a_bad_label_Then_VALIDATION_naming_the_label(string label)
    {
        var error = When(Create() with { Labels = [label] }).ThenError(ErrorCodes.Validation);
        Assert.StartsWith("label", error.Message, StringComparison.Ordinal);
        Assert.Equal("labels", error.Field);
    }

    [Fact]
    public void Given_nothing_When_created_with_a_201_character_title_Then_VALIDATION_naming_the_title()
    {
        var error = When(Create() with { Title = new string('t', 201) }).ThenError(ErrorCodes.Validation);
        Assert.Contains("title", error.Message, StringComparison.Ordinal);
        Assert.Contains("200", error.Message, StringComparison.Ordinal);
        Assert.Equal("title", error.Field);
    }

    [Fact]
    public void Given_nothing_When_created_with_a_20001_character_description_Then_VALIDATION() =>
        When(Create() with { Description = new string('d', 20_001) }).ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_nothing_When_created_with_a_20000_character_description_Then_TaskCreated() =>
        Assert.False(When(Create() with { Description = new string('d', 20_000) }).Decision.IsError);

    [Fact]
    public void Given_nothing_When_created_with_an_escape_character_in_the_description_Then_VALIDATION() =>
        When(Create() with { Description = "colour \u001b[31m" }).ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_nothing_When_created_with_an_undefined_priority_Then_VALIDATION_about_priority() =>
        Assert.Equal("priority", When(Create() with { Priority = (TaskPriority)9 }).ThenError(ErrorCodes.Validation).Field);

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("a0")]
    [InlineData("a-b")]
    [InlineData("i")]
    [InlineData("i50")]
    [InlineData("j1")]
    public void Given_nothing_When_created_with_an_invalid_position_Then_VALIDATION(string position) =>
        When(Create() with { Position = position }).ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_an_archived_project_When_a_task_is_created_Then_ARCHIVED() =>
        Scenario()
            .When(state => TaskDecider.Decide(Create(), state, Context(new Domain.Projects.ProjectEvent.ProjectArchived(Project, Workspace))))
            .ThenError(ErrorCodes.Archived);

    [Fact]
    public void Given_no_project_When_a_task_is_created_Then_NOT_FOUND() =>
        Scenario()
            .When(state => TaskDecider.Decide(Create(), state, new TaskContext(WorkspaceFixture.AllRoles(), Domain.Projects.ProjectState.Initial)))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_created_task_When_evolved_Then_the_creator_watches_it()
    {
        var task = Details();
        Assert.Contains(Ids.Member, task.Watchers);
        Assert.Equal(ProjectFixture.Todo, task.ColumnId);
        Assert.Equal(StreamIds.Task(TaskId), Create().StreamId);
    }
}
