using TaskForge.Domain;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Workspaces;
using Marten;

namespace TaskForge.Bench.Projections;

/// <summary>A workspace with its members and one project, appended through Marten.</summary>
internal sealed record BenchWorkspace(Guid Id, Guid Owner, IReadOnlyList<Guid> Members, Guid ProjectId, IReadOnlyList<Guid> Columns)
{
    public static async Task<BenchWorkspace> CreateAsync(IDocumentStore store, int members)
    {
        var id = Guid.NewGuid();
        var owner = Guid.NewGuid();
        var people = new List<Guid> { owner };
        var events = new List<object> { new WorkspaceEvent.WorkspaceCreated(id, "Bench", owner, $"{owner:N}@example.com") };
        for (var i = 1; i < members; i++)
        {
            var user = Guid.NewGuid();
            var invitation = Guid.NewGuid();
            events.Add(new WorkspaceEvent.MemberInvited(id, invitation, $"{user:N}@example.com", WorkspaceRole.Member));
            events.Add(new WorkspaceEvent.InvitationAccepted(id, invitation, user, $"{user:N}@example.com", WorkspaceRole.Member));
            people.Add(user);
        }

        await BenchEvents.AppendAsync(store, StreamIds.Workspace(id), owner, [.. events]);
        var project = Guid.NewGuid();
        var columns = DefaultBoard.For(project);
        await BenchEvents.AppendAsync(store, StreamIds.Project(project), owner, new ProjectEvent.ProjectCreated(project, id, "Bench project", "", columns));
        return new BenchWorkspace(id, owner, people, project, [.. columns.Select(c => c.ColumnId)]);
    }
}
