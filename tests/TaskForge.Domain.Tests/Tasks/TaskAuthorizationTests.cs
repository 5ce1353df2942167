using TaskForge.Domain.Tasks;
using TaskForge.Domain.Tests.Support;
using static TaskForge.Domain.Tasks.TaskCommand;
using static TaskForge.Domain.Tests.Support.TaskFixture;

namespace TaskForge.Domain.Tests.Tasks;

public sealed class TaskAuthorizationTests
{
    public static TheoryData<string> Commands => [.. AllCommands(Ids.Member).Keys];

    private static Dictionary<string, TaskCommand> AllCommands(Guid actor) => new()
    {
        ["create"] = new CreateTask(actor, Ids.Now, Workspace, Project, TaskId, "t"),
        ["rename"] = new RenameTask(actor, Ids.Now, Workspace, Project, TaskId, "t2"),
        ["describe"] = new EditTaskDescription(actor, Ids.Now, Workspace, Project, TaskId, "d"),
        ["assign"] = new AssignTask(actor, Ids.Now, Workspace, Project, TaskId, Ids.Member),
        ["unassign"] = new UnassignTask(actor, Ids.Now, Workspace, Project, TaskId, Ids.Member),
        ["move"] = new MoveTask(actor, Ids.Now, Workspace, Project, TaskId, ProjectFixture.Done, "i9"),
        ["priority"] = new SetTaskPriority(actor, Ids.Now, Workspace, Project, TaskId, TaskPriority.High),
        ["due"] = new SetTaskDueDate(actor, Ids.Now, Workspace, Project, TaskId, Ids.Now),
        ["clear-due"] = new ClearTaskDueDate(actor, Ids.Now, Workspace, Project, TaskId),
        ["add-label"] = new AddTaskLabel(actor, Ids.Now, Workspace, Project, TaskId, "x"),
        ["remove-label"] = new RemoveTaskLabel(actor, Ids.Now, Workspace, Project, TaskId, "x"),
        ["watch"] = new WatchTask(actor, Ids.Now, Workspace, Project, TaskId),
        ["unwatch"] = new UnwatchTask(actor, Ids.Now, Workspace, Project, TaskId),
        ["complete"] = new CompleteTask(actor, Ids.Now, Workspace, Project, TaskId),
        ["reopen"] = new ReopenTask(actor, Ids.Now, Workspace, Project, TaskId),
        ["delete"] = new DeleteTask(actor, Ids.Now, Workspace, Project, TaskId),
    };

    private static Outcome<TaskEvent> Send(string name, Dictionary<string, TaskCommand> commands) =>
        name == "create" ? When(commands[name]) : WhenOnCreated(commands[name]);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Given_a_task_When_a_viewer_sends_any_command_Then_FORBIDDEN(string command) =>
        Send(command, AllCommands(Ids.Viewer)).ThenError(ErrorCodes.Forbidden);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Given_a_task_When_an_auditor_sends_any_command_Then_FORBIDDEN(string command) =>
        Send(command, AllCommands(Ids.Auditor)).ThenError(ErrorCodes.Forbidden);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Given_a_task_When_an_outsider_sends_any_command_Then_NOT_FOUND(string command) =>
        Send(command, AllCommands(Ids.Outsider)).ThenError(ErrorCodes.NotFound);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Given_a_task_When_a_member_sends_any_command_Then_it_is_decided(string command) =>
        Assert.False(Send(command, AllCommands(Ids.Member)).Decision.IsError);

    [Fact]
    public void Given_a_task_of_another_workspace_When_a_member_of_this_one_names_it_Then_NOT_FOUND() =>
        When(new RenameTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, "mine"), Created with { WorkspaceId = Ids.OtherWorkspace })
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_task_of_another_project_When_named_under_this_project_Then_NOT_FOUND() =>
        When(new RenameTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, "mine"), Created with { ProjectId = Guid.NewGuid() })
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_no_task_When_renamed_Then_NOT_FOUND() =>
        When(new RenameTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, "t")).ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_member_who_was_removed_When_they_rename_a_task_Then_NOT_FOUND() =>
        Scenario().Given(Created)
            .When(state => TaskDecider.Decide(
                new RenameTask(Ids.Member, Ids.Now, Workspace, Project, TaskId, "t"),
                state,
                new TaskContext(
                    WorkspaceFixture.State([.. WorkspaceFixture.WithAllRoles(), new Domain.Workspaces.WorkspaceEvent.MemberRemoved(Workspace, Ids.Member)]),
                    ProjectFixture.State(ProjectFixture.Created))))
            .ThenError(ErrorCodes.NotFound);
}
