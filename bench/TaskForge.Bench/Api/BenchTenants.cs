using System.Collections.Concurrent;
using TaskForge.Api.Schema;

namespace TaskForge.Bench.Api;

/// <summary>A signed-in bench user: global id, GUID and access token.</summary>
internal sealed record BenchUser(string Id, Guid UserId, string Token);

/// <summary>A workspace of the bench: its members (the first is the owner) and its projects' global ids.</summary>
internal sealed record BenchTenant(string Id, Guid WorkspaceId, IReadOnlyList<BenchUser> Members, List<string> Projects);

/// <summary>Users, workspaces, memberships and projects, created over HTTP through the API as clients would.</summary>
internal static class BenchTenants
{
    public static async Task<IReadOnlyList<BenchTenant>> CreateAsync(ApiClient api, int users, int membersPerWorkspace, int projectsPerWorkspace)
    {
        var signedIn = new BenchUser[users];
        await Parallel.ForAsync(0, users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var data = await api.PostAsync(null, "mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } errors { code message } } }",
                new { i = new { email = $"user{i}@bench.taskforge.test", password = "bench password 1234", name = $"Bench User {i}" } }, "register");
            var id = data.GetProperty("register").GetProperty("user").GetProperty("id").GetString()!;
            signedIn[i] = new BenchUser(id, GlobalId.TryParse(id)![0], data.GetProperty("register").GetProperty("accessToken").GetString()!);
        });
        Console.WriteLine($"registered {users} users");

        var tenants = new ConcurrentBag<BenchTenant>();
        await Parallel.ForAsync(0, users / membersPerWorkspace, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (w, _) =>
        {
            var members = signedIn.Skip(w * membersPerWorkspace).Take(membersPerWorkspace).ToList();
            var owner = members[0];
            var workspace = (await api.PostAsync(owner.Token, "mutation($n: String!) { createWorkspace(input: { name: $n }) { workspace { id } errors { code message } } }",
                new { n = $"Workspace {w}" }, "createWorkspace")).GetProperty("createWorkspace").GetProperty("workspace").GetProperty("id").GetString()!;
            foreach (var member in members.Skip(1))
            {
                var invitation = (await api.PostAsync(owner.Token, "mutation($ws: ID!, $e: String!) { inviteMember(input: { workspaceId: $ws, email: $e, role: MEMBER }) { invitation { id } errors { code message } } }",
                    new { ws = workspace, e = $"user{Array.IndexOf(signedIn, member)}@bench.taskforge.test" }, "inviteMember"))
                    .GetProperty("inviteMember").GetProperty("invitation").GetProperty("id").GetString();
                await api.PostAsync(member.Token, "mutation($id: ID!) { acceptInvitation(input: { invitationId: $id }) { eventId errors { code message } } }", new { id = invitation }, "acceptInvitation");
            }

            var tenant = new BenchTenant(workspace, GlobalId.TryParse(workspace)![0], members, []);
            for (var p = 0; p < projectsPerWorkspace; p++)
            {
                tenant.Projects.Add((await api.PostAsync(owner.Token, "mutation($ws: ID!, $n: String!) { createProject(input: { workspaceId: $ws, name: $n }) { project { id } errors { code message } } }",
                    new { ws = workspace, n = $"Project {p}" }, "createProject")).GetProperty("createProject").GetProperty("project").GetProperty("id").GetString()!);
            }

            tenants.Add(tenant);
        });
        Console.WriteLine($"created {tenants.Count} workspaces of {membersPerWorkspace} members with {projectsPerWorkspace} projects each");
        return [.. tenants.OrderBy(t => t.Id, StringComparer.Ordinal)];
    }
}
