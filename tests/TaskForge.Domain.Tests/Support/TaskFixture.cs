using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using static TaskForge.Domain.Tasks.TaskEvent;

namespace TaskForge.Domain.Tests.Support;

public static class TaskFixture
{
    public static readonly Guid TaskId = Guid.Parse("00000000-0000-0000-0000-00000000d001");
    public static readonly Guid Project = ProjectFixture.Project;
    public static readonly Guid Workspace = Ids.Workspace;

    public static TaskCreated Created { get; } = new(
        TaskId, Project, Workspace, "Write the launch post", "", TaskPriority.None, null, [], [], ProjectFixture.Todo, Rank.Initial);

    public static TaskWatched CreatorWatches { get; } = new(TaskId, Project, Workspace, Ids.Member);

    public static TaskContext Context(params ProjectEvent[] projectExtra) =>
        new(WorkspaceFixture.AllRoles(), ProjectFixture.State([ProjectFixture.Created, .. projectExtra]));

    public static Scenario<TaskState, TaskEvent> Scenario() => new(TaskDecider.Evolve, TaskDecider.Initial);

    public static Outcome<TaskEvent> When(TaskCommand command, params TaskEvent[] given) =>
        Scenario().Given(given).When(state => TaskDecider.Decide(command, state, Context()));

    public static Outcome<TaskEvent> WhenOnCreated(TaskCommand command, params TaskEvent[] extra) =>
        When(command, [Created, CreatorWatches, .. extra]);

    public static TaskDetails Details(params TaskEvent[] extra) =>
        ((TaskState.Active)Scenario().Given([Created, CreatorWatches, .. extra]).State).Details;
}
