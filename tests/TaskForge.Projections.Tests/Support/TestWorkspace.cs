using TaskForge.Domain;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Scripts a workspace's life as domain events: members, projects, tasks and comments.</summary>
public sealed class TestWorkspace
{
    private readonly DomainLog _log;

    private TestWorkspace(DomainLog log, string name)
    {
        _log = log;
        Name = name;
    }

    public Guid Id { get; } = Guid.NewGuid();

    public Guid Owner { get; } = Guid.NewGuid();

    public string Name { get; }

    public DomainLog Log => _log;

    public static string EmailOf(Guid user) => $"{user:N}@example.com";

    public static async Task<TestWorkspace> CreateAsync(DomainLog log, string name = "Acme", params Guid[] members)
    {
        var workspace = new TestWorkspace(log, name);
        await log.AppendOneAsync(StreamIds.Workspace(workspace.Id), workspace.Owner,
            new WorkspaceEvent.WorkspaceCreated(workspace.Id, name, workspace.Owner, EmailOf(workspace.Owner)));
        foreach (var member in members)
        {
            await workspace.AddMemberAsync(member);
        }

        return workspace;
    }

    public Task<long> WorkspaceEventAsync(Guid actor, WorkspaceEvent e) => _log.AppendOneAsync(StreamIds.Workspace(Id), actor, e);

    public async Task<long> InviteAsync(Guid user, WorkspaceRole role = WorkspaceRole.Member) =>
        await WorkspaceEventAsync(Owner, new WorkspaceEvent.MemberInvited(Id, Guid.NewGuid(), EmailOf(user), role));

    /// <summary>Invites and accepts; returns the position of the acceptance.</summary>
    public async Task<long> AddMemberAsync(Guid user, WorkspaceRole role = WorkspaceRole.Member)
    {
        var invitation = Guid.NewGuid();
        await WorkspaceEventAsync(Owner, new WorkspaceEvent.MemberInvited(Id, invitation, EmailOf(user), role));
        return await WorkspaceEventAsync(user, new WorkspaceEvent.InvitationAccepted(Id, invitation, user, EmailOf(user), role));
    }

    public Task<long> RemoveMemberAsync(Guid user) => WorkspaceEventAsync(Owner, new WorkspaceEvent.MemberRemoved(Id, user));

    public async Task<TestProject> CreateProjectAsync(string name = "Launch", Guid? actor = null)
    {
        var project = Guid.NewGuid();
        var columns = DefaultBoard.For(project);
        await _log.AppendOneAsync(StreamIds.Project(project), actor ?? Owner, new ProjectEvent.ProjectCreated(project, Id, name, "", columns));
        return new TestProject(this, project, [.. columns.Select(c => c.ColumnId)]);
    }
}

/// <summary>A project of a <see cref="TestWorkspace"/>, with its default columns.</summary>
public sealed record TestProject(TestWorkspace Workspace, Guid Id, IReadOnlyList<Guid> Columns)
{
    public Task<long> ProjectEventAsync(Guid actor, ProjectEvent e) => Workspace.Log.AppendOneAsync(StreamIds.Project(Id), actor, e);

    public async Task<Guid> CreateTaskAsync(
        Guid actor, string title, string description = "", Guid[]? assignees = null, string rank = "i", int column = 0, string[]? labels = null)
    {
        var task = Guid.NewGuid();
        await TaskEventAsync(actor, new TaskEvent.TaskCreated(task, Id, Workspace.Id, title, description, TaskPriority.None, null,
            labels ?? [], assignees ?? [], Columns[column], rank));
        return task;
    }

    public Task<long> TaskEventAsync(Guid actor, TaskEvent e) => Workspace.Log.AppendOneAsync(StreamIds.Task(e.TaskId), actor, e);

    public async Task<(Guid CommentId, long Position)> CommentAsync(Guid author, Guid task, string body, params Guid[] mentions)
    {
        var comment = Guid.NewGuid();
        var position = await Workspace.Log.AppendOneAsync(StreamIds.Comment(comment), author,
            new CommentEvent.CommentAdded(comment, task, Id, Workspace.Id, author, body, mentions));
        return (comment, position);
    }

    public Task<long> CommentEventAsync(Guid actor, CommentEvent e) => Workspace.Log.AppendOneAsync(StreamIds.Comment(e.CommentId), actor, e);
}
