using TaskForge.Domain.Tasks;
using TaskForge.Domain.Tests.Support;
using static TaskForge.Domain.Projects.ProjectEvent;
using static TaskForge.Domain.Tasks.TaskCommand;
using static TaskForge.Domain.Tasks.TaskEvent;
using static TaskForge.Domain.Tests.Support.TaskFixture;

namespace TaskForge.Domain.Tests.Tasks;

public sealed class TaskBoardTests
{
    private static TaskDeleted Deleted => new(TaskId, Project, Workspace);

    private static Outcome<TaskEvent> WhenDeleted(TaskCommand command, params Domain.Projects.ProjectEvent[] projectEvents) =>
        Scenario().Given(Created, CreatorWatches, Deleted).When(state => TaskDecider.Decide(command, state, Context(projectEvents)));

    private static Outcome<TaskEvent> WhenWithProject(TaskCommand command, params Domain.Projects.ProjectEvent[] projectEvents) =>
        Scenario().Given(Created, CreatorWatches).When(state => TaskDecider.Decide(command, state, Context(projectEvents)));

    [Fact]
    public void Given_a_task_in_to_do_When_moved_to_in_progress_Then_TaskMoved_from_to_do() =>
        WhenOnCreated(new MoveTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, ProjectFixture.Doing, "i5"))
            .Then(new TaskMoved(TaskId, Project, Workspace, ProjectFixture.Todo, ProjectFixture.Doing, "i5"));

    [Fact]
    public void Given_a_task_When_moved_within_its_column_Then_TaskMoved_with_the_new_position() =>
        WhenOnCreated(new MoveTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, ProjectFixture.Todo, Rank.Before(Rank.Initial)))
            .Then(new TaskMoved(TaskId, Project, Workspace, ProjectFixture.Todo, ProjectFixture.Todo, Rank.Before(Rank.Initial)));

    [Fact]
    public void Given_a_task_When_moved_to_where_it_is_Then_no_events() =>
        WhenOnCreated(new MoveTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, ProjectFixture.Todo, Rank.Initial))
            .ThenNothing();

    [Fact]
    public void Given_a_task_When_moved_to_a_column_not_on_the_board_Then_STATUS_NOT_ON_BOARD() =>
        WhenOnCreated(new MoveTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, Guid.NewGuid(), "i5"))
            .ThenError(ErrorCodes.StatusNotOnBoard);

    [Fact]
    public void Given_a_removed_column_When_a_task_is_moved_into_it_Then_STATUS_NOT_ON_BOARD() =>
        WhenWithProject(
                new MoveTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, ProjectFixture.Review, "i5"),
                new ColumnRemoved(Project, Workspace, ProjectFixture.Review, ProjectFixture.Done))
            .ThenError(ErrorCodes.StatusNotOnBoard);

    [Fact]
    public void Given_the_tasks_column_was_removed_When_it_is_moved_Then_TaskMoved_from_the_column_its_tasks_went_to() =>
        WhenWithProject(
                new MoveTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, ProjectFixture.Doing, "i5"),
                new ColumnRemoved(Project, Workspace, ProjectFixture.Todo, ProjectFixture.Done))
            .Then(new TaskMoved(TaskId, Project, Workspace, ProjectFixture.Done, ProjectFixture.Doing, "i5"));

    [Fact]
    public void Given_a_task_When_moved_with_an_invalid_position_Then_VALIDATION() =>
        WhenOnCreated(new MoveTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, ProjectFixture.Doing, "N"))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_an_open_task_When_completed_Then_TaskCompleted() =>
        WhenOnCreated(new CompleteTask(Ids.Member, Ids.Now, Workspace, Project, TaskId))
            .Then(new TaskCompleted(TaskId, Project, Workspace));

    [Fact]
    public void Given_a_completed_task_When_completed_again_Then_no_events() =>
        WhenOnCreated(new CompleteTask(Ids.Member, Ids.Now, Workspace, Project, TaskId), new TaskCompleted(TaskId, Project, Workspace))
            .ThenNothing();

    [Fact]
    public void Given_a_completed_task_When_reopened_Then_TaskReopened() =>
        WhenOnCreated(new ReopenTask(Ids.Member, Ids.Now, Workspace, Project, TaskId), new TaskCompleted(TaskId, Project, Workspace))
            .Then(new TaskReopened(TaskId, Project, Workspace));

    [Fact]
    public void Given_an_open_task_When_reopened_Then_no_events() =>
        WhenOnCreated(new ReopenTask(Ids.Member, Ids.Now, Workspace, Project, TaskId))
            .ThenNothing();

    [Fact]
    public void Given_a_task_When_deleted_Then_TaskDeleted_and_the_state_keeps_its_details()
    {
        WhenOnCreated(new DeleteTask(Ids.Member, Ids.Now, Workspace, Project, TaskId))
            .Then(new TaskDeleted(TaskId, Project, Workspace));
        var state = Scenario().Given(Created, new TaskDeleted(TaskId, Project, Workspace)).State;
        Assert.Equal(Created.Title, Assert.IsType<TaskState.Deleted>(state).Details.Title);
    }

    [Fact]
    public void Given_a_deleted_task_When_deleted_again_Then_no_events() =>
        WhenOnCreated(new DeleteTask(Ids.Member, Ids.Now, Workspace, Project, TaskId), new TaskDeleted(TaskId, Project, Workspace))
            .ThenNothing();

    [Fact]
    public void Given_a_deleted_task_When_restored_Then_TaskRestored_in_its_column_and_place_and_it_is_active_with_its_details()
    {
        WhenDeleted(new RestoreTask(Ids.Member, Ids.Now, Workspace, Project, TaskId))
            .Then(new TaskRestored(TaskId, Project, Workspace, ProjectFixture.Todo, Rank.Initial));
        var state = Scenario().Given(Created, Deleted, new TaskRestored(TaskId, Project, Workspace, ProjectFixture.Todo, Rank.Initial)).State;
        Assert.Equal(Created.Title, Assert.IsType<TaskState.Active>(state).Details.Title);
    }

    [Fact]
    public void Given_a_deleted_task_whose_column_was_removed_When_restored_Then_it_comes_back_where_that_columns_tasks_went() =>
        WhenDeleted(
                new RestoreTask(Ids.Member, Ids.Now, Workspace, Project, TaskId),
                new ColumnRemoved(Project, Workspace, ProjectFixture.Todo, ProjectFixture.Done))
            .Then(new TaskRestored(TaskId, Project, Workspace, ProjectFixture.Done, Rank.Initial));

    [Fact]
    public void Given_a_task_that_is_not_deleted_When_restored_Then_no_events() =>
        WhenOnCreated(new RestoreTask(Ids.Member, Ids.Now, Workspace, Project, TaskId))
            .ThenNothing();

    [Fact]
    public void Given_no_such_task_When_restored_Then_NOT_FOUND() =>
        Scenario().When(state => TaskDecider.Decide(new RestoreTask(Ids.Member, Ids.Now, Workspace, Project, TaskId), state, Context()))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_deleted_task_of_another_project_When_restored_here_Then_NOT_FOUND() =>
        WhenDeleted(new RestoreTask(Ids.Member, Ids.Now, Workspace, Guid.NewGuid(), TaskId))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_deleted_task_of_an_archived_project_When_restored_Then_ARCHIVED() =>
        WhenDeleted(new RestoreTask(Ids.Member, Ids.Now, Workspace, Project, TaskId), new ProjectArchived(Project, Workspace))
            .ThenError(ErrorCodes.Archived);

    [Fact]
    public void Given_a_deleted_task_When_a_viewer_restores_it_Then_FORBIDDEN() =>
        WhenDeleted(new RestoreTask(Ids.Viewer, Ids.Now, Workspace, Project, TaskId))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_deleted_task_When_renamed_Then_NOT_FOUND() =>
        WhenOnCreated(new RenameTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, "Back"), new TaskDeleted(TaskId, Project, Workspace))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_an_archived_project_When_a_task_is_moved_Then_ARCHIVED() =>
        WhenWithProject(new MoveTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, ProjectFixture.Doing, "i5"), new ProjectArchived(Project, Workspace))
            .ThenError(ErrorCodes.Archived);

    [Fact]
    public void Given_a_restored_project_When_a_task_is_completed_Then_TaskCompleted() =>
        WhenWithProject(
                new CompleteTask(Ids.Member, Ids.Now, Workspace, Project, TaskId),
                new ProjectArchived(Project, Workspace),
                new ProjectRestored(Project, Workspace))
            .Then(new TaskCompleted(TaskId, Project, Workspace));

    [Fact]
    public void Given_moves_and_completion_When_evolved_Then_the_task_shows_its_place_and_status()
    {
        var task = Details(
            new TaskMoved(TaskId, Project, Workspace, ProjectFixture.Todo, ProjectFixture.Done, "i7"),
            new TaskCompleted(TaskId, Project, Workspace));
        Assert.Equal((ProjectFixture.Done, "i7", true), (task.ColumnId, task.Position, task.IsCompleted));
    }
}
