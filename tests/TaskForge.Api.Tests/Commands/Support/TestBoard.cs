using TaskForge.Api.Commands;
using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>
/// A workspace with one user per role (and an outsider), a project and helpers to create tasks, all made through the
/// command handler. Fresh ids per instance, so tests of one class never see each other's data.
/// </summary>
public sealed class TestBoard
{
    private TestBoard(CommandHandler handler) => Handler = handler;

    public static DateTimeOffset Now { get; } = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public CommandHandler Handler { get; }

    public Guid WorkspaceId { get; } = Guid.NewGuid();

    public Guid ProjectId { get; } = Guid.NewGuid();

    public Guid Owner { get; } = Guid.NewGuid();

    public Guid Member { get; } = Guid.NewGuid();

    public Guid SecondMember { get; } = Guid.NewGuid();

    public Guid Viewer { get; } = Guid.NewGuid();

    public Guid Auditor { get; } = Guid.NewGuid();

    public Guid Outsider { get; } = Guid.NewGuid();

    public static async Task<TestBoard> CreateAsync(CommandHandler handler)
    {
        var board = new TestBoard(handler);
        await board.MustAsync(handler.HandleAsync(new WorkspaceCommand.CreateWorkspace(board.Owner, Now, board.WorkspaceId, "Acme", Email(board.Owner))));
        await board.JoinAsync(board.Member, WorkspaceRole.Member);
        await board.JoinAsync(board.SecondMember, WorkspaceRole.Member);
        await board.JoinAsync(board.Viewer, WorkspaceRole.Viewer);
        await board.JoinAsync(board.Auditor, WorkspaceRole.Auditor);
        await board.MustAsync(handler.HandleAsync(new ProjectCommand.CreateProject(board.Owner, Now, board.WorkspaceId, board.ProjectId, "Launch")));
        return board;
    }

    public static string Email(Guid userId) => $"u{userId:N}@example.com";

    public async Task<Guid> NewTaskAsync(string title = "Write the launch post")
    {
        var taskId = Guid.NewGuid();
        await MustAsync(Handler.HandleAsync(new TaskCommand.CreateTask(Member, Now, WorkspaceId, ProjectId, taskId, title)));
        return taskId;
    }

    public TaskCommand.RenameTask Rename(Guid actor, Guid taskId, string title) => new(actor, Now, WorkspaceId, ProjectId, taskId, title);

    public TaskCommand.AddTaskLabel AddLabel(Guid actor, Guid taskId, string label) => new(actor, Now, WorkspaceId, ProjectId, taskId, label);

    public TaskCommand.WatchTask Watch(Guid actor, Guid taskId) => new(actor, Now, WorkspaceId, ProjectId, taskId);

    /// <summary>The streams the board writes to: workspace, project and the given tasks.</summary>
    public IReadOnlyList<string> Streams(params Guid[] taskIds) =>
        [StreamIds.Workspace(WorkspaceId), StreamIds.Project(ProjectId), .. taskIds.Select(StreamIds.Task)];

    public CommentCommand.AddComment Comment(Guid actor, Guid taskId, string body) =>
        new(actor, Now, WorkspaceId, ProjectId, taskId, Guid.NewGuid(), body);

    public static async Task<CommandResult.Succeeded> SucceedsAsync(Task<CommandResult> handling)
    {
        var result = await handling;
        return Assert.IsType<CommandResult.Succeeded>(result);
    }

    public static async Task<CommandResult.Failed> FailsAsync(Task<CommandResult> handling, string code)
    {
        var result = await handling;
        var failed = Assert.IsType<CommandResult.Failed>(result);
        Assert.Equal(code, failed.Code);
        return failed;
    }

    private async Task JoinAsync(Guid userId, WorkspaceRole role)
    {
        var invitationId = Guid.NewGuid();
        await MustAsync(Handler.HandleAsync(new WorkspaceCommand.InviteMember(Owner, Now, WorkspaceId, invitationId, Email(userId), role)));
        await MustAsync(Handler.HandleAsync(new WorkspaceCommand.AcceptInvitation(userId, Now, WorkspaceId, invitationId, Email(userId))));
    }

    private Task MustAsync(Task<CommandResult> handling) => SucceedsAsync(handling);
}
