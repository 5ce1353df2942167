using TaskForge.Domain.Projects;
using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Projects.ProjectEvent;

namespace TaskForge.Domain.Tests.Support;

public static class ProjectFixture
{
    public static readonly Guid Project = Guid.Parse("00000000-0000-0000-0000-00000000b001");
    public static readonly Guid Todo = Guid.Parse("00000000-0000-0000-0000-00000000c001");
    public static readonly Guid Doing = Guid.Parse("00000000-0000-0000-0000-00000000c002");
    public static readonly Guid Review = Guid.Parse("00000000-0000-0000-0000-00000000c003");
    public static readonly Guid Done = Guid.Parse("00000000-0000-0000-0000-00000000c004");

    public static IReadOnlyList<BoardColumn> Board { get; } =
        [new(Todo, "To do"), new(Doing, "In progress"), new(Review, "In review"), new(Done, "Done")];

    public static ProjectCreated Created { get; } = new(Project, Ids.Workspace, "Launch", "", Board);

    public static ProjectState State(params ProjectEvent[] events) =>
        events.Aggregate(ProjectDecider.Initial, ProjectDecider.Evolve);

    public static ProjectState.Created Active(params ProjectEvent[] extra) =>
        (ProjectState.Created)State([Created, .. extra]);

    public static Scenario<ProjectState, ProjectEvent> Scenario() => new(ProjectDecider.Evolve, ProjectDecider.Initial);

    public static Outcome<ProjectEvent> When(ProjectCommand command, params ProjectEvent[] given) =>
        Scenario().Given(given).When(state => ProjectDecider.Decide(command, state, WorkspaceFixture.AllRoles()));

    public static Outcome<ProjectEvent> WhenOnCreated(ProjectCommand command, params ProjectEvent[] extra) =>
        When(command, [Created, .. extra]);

    public static WorkspaceState Workspace => WorkspaceFixture.AllRoles();
}
