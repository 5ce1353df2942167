using TaskForge.Domain.Tests.Support;
using static TaskForge.Domain.Tasks.TaskCommand;
using static TaskForge.Domain.Tasks.TaskEvent;
using static TaskForge.Domain.Tests.Support.TaskFixture;

namespace TaskForge.Domain.Tests.Tasks;

public sealed class TaskPeopleTests
{
    [Fact]
    public void Given_a_task_When_a_member_is_assigned_Then_TaskAssigned() =>
        WhenOnCreated(new AssignTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, Ids.SecondMember))
            .Then(new TaskAssigned(TaskId, Project, Workspace, Ids.SecondMember));

    [Fact]
    public void Given_an_assigned_user_When_assigned_again_Then_no_events() =>
        WhenOnCreated(new AssignTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, Ids.SecondMember), new TaskAssigned(TaskId, Project, Workspace, Ids.SecondMember))
            .ThenNothing();

    [Fact]
    public void Given_a_task_When_a_non_member_is_assigned_Then_NOT_A_MEMBER() =>
        WhenOnCreated(new AssignTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, Ids.Outsider))
            .ThenError(ErrorCodes.NotAMember);

    [Fact]
    public void Given_20_assignees_When_another_is_assigned_Then_VALIDATION() =>
        WhenOnCreated(
                new AssignTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, Ids.SecondMember),
                Created with { Assignees = [.. Enumerable.Range(0, 20).Select(_ => Guid.NewGuid())] })
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_an_assigned_user_When_unassigned_Then_TaskUnassigned() =>
        WhenOnCreated(new UnassignTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, Ids.SecondMember), new TaskAssigned(TaskId, Project, Workspace, Ids.SecondMember))
            .Then(new TaskUnassigned(TaskId, Project, Workspace, Ids.SecondMember));

    [Fact]
    public void Given_an_assignee_who_left_the_workspace_When_unassigned_Then_TaskUnassigned() =>
        WhenOnCreated(new UnassignTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, Ids.Outsider), Created with { Assignees = [Ids.Outsider] })
            .Then(new TaskUnassigned(TaskId, Project, Workspace, Ids.Outsider));

    [Fact]
    public void Given_an_unassigned_user_When_unassigned_Then_no_events() =>
        WhenOnCreated(new UnassignTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, Ids.SecondMember))
            .ThenNothing();

    [Fact]
    public void Given_a_task_When_another_member_watches_it_Then_TaskWatched_for_the_actor() =>
        WhenOnCreated(new WatchTask(Ids.SecondMember, Ids.Now, Workspace, Project, TaskId))
            .Then(new TaskWatched(TaskId, Project, Workspace, Ids.SecondMember));

    [Fact]
    public void Given_the_creator_watches_When_they_watch_again_Then_no_events() =>
        WhenOnCreated(new WatchTask(Ids.Member, Ids.Now, Workspace, Project, TaskId))
            .ThenNothing();

    [Fact]
    public void Given_the_creator_watches_When_they_unwatch_Then_TaskUnwatched() =>
        WhenOnCreated(new UnwatchTask(Ids.Member, Ids.Now, Workspace, Project, TaskId))
            .Then(new TaskUnwatched(TaskId, Project, Workspace, Ids.Member));

    [Fact]
    public void Given_a_non_watcher_When_they_unwatch_Then_no_events() =>
        WhenOnCreated(new UnwatchTask(Ids.SecondMember, Ids.Now, Workspace, Project, TaskId))
            .ThenNothing();

    [Fact]
    public void Given_assignments_and_watchers_When_evolved_Then_the_task_lists_them()
    {
        var task = Details(
            new TaskAssigned(TaskId, Project, Workspace, Ids.Member),
            new TaskAssigned(TaskId, Project, Workspace, Ids.SecondMember),
            new TaskUnassigned(TaskId, Project, Workspace, Ids.Member),
            new TaskWatched(TaskId, Project, Workspace, Ids.SecondMember),
            new TaskUnwatched(TaskId, Project, Workspace, Ids.Member));
        Assert.Equal([Ids.SecondMember], task.Assignees);
        Assert.Equal([Ids.SecondMember], task.Watchers);
    }
}
