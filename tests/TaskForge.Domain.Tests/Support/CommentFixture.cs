using TaskForge.Domain.Comments;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Comments.CommentEvent;

namespace TaskForge.Domain.Tests.Support;

public static class CommentFixture
{
    public static readonly Guid Comment = Guid.Parse("00000000-0000-0000-0000-00000000e001");
    public static readonly Guid TaskId = TaskFixture.TaskId;
    public static readonly Guid Project = ProjectFixture.Project;
    public static readonly Guid Workspace = Ids.Workspace;

    public static CommentAdded Added { get; } = new(Comment, TaskId, Project, Workspace, Ids.Member, "Looks good", []);

    public static TaskState ActiveTask(params TaskEvent[] extra) =>
        new Scenario<TaskState, TaskEvent>(TaskDecider.Evolve, TaskDecider.Initial).Given([TaskFixture.Created, .. extra]).State;

    public static CommentContext Context(WorkspaceState? workspace = null, TaskState? task = null) =>
        new(workspace ?? WorkspaceFixture.AllRoles(), task ?? ActiveTask());

    public static Scenario<CommentState, CommentEvent> Scenario() => new(CommentDecider.Evolve, CommentDecider.Initial);

    public static Outcome<CommentEvent> When(CommentCommand command, params CommentEvent[] given) =>
        Scenario().Given(given).When(state => CommentDecider.Decide(command, state, Context()));

    public static Outcome<CommentEvent> WhenOnAdded(CommentCommand command, params CommentEvent[] extra) =>
        When(command, [Added, .. extra]);
}
