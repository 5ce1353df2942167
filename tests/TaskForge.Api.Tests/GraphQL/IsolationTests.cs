using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.GraphQL;

/// <summary>
/// Guarantee 6 through every GraphQL door: random operations by several users in several workspaces, then every answer
/// each user gets is checked against the workspaces they belong to at the end.
/// </summary>
public sealed class IsolationTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Theory]
    [InlineData(7)]
    [InlineData(42)]
    public async Task Random_operations_in_several_workspaces_and_no_user_ever_sees_a_workspace_they_do_not_belong_to(int seed)
    {
        var random = new Random(seed);
        var users = new List<GraphQLClient>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await api.SignUpAsync($"u{i}"));
        }

        var model = new Model();
        for (var w = 0; w < 3; w++)
        {
            var owner = users[random.Next(users.Count)];
            var id = await ApiSeed.WorkspaceAsync(owner, $"Workspace {w}");
            model.Members[id] = [owner.UserId!];
        }

        long lastEventId = 0;
        for (var step = 0; step < 40; step++)
        {
            var workspace = model.Members.Keys.ElementAt(random.Next(model.Members.Count));
            var members = model.Members[workspace];
            var actorId = members[random.Next(members.Count)];
            var actor = users.First(u => u.UserId == actorId);
            switch (random.Next(5))
            {
                case 0 when users.FirstOrDefault(u => !members.Contains(u.UserId!)) is { } outsider:
                    lastEventId = Math.Max(lastEventId, await ApiSeed.JoinAsync(users.First(u => u.UserId == members[0]), workspace, outsider));
                    members.Add(outsider.UserId!);
                    break;
                case 1 when members.Count > 1:
                    var leaver = users.First(u => u.UserId == members[^1]);
                    var left = (await leaver.MutateAsync("mutation($ws: ID!) { leaveWorkspace(input: { workspaceId: $ws }) { eventId errors { code message } } }", new { ws = workspace }))
                        .Payload("leaveWorkspace");
                    lastEventId = Math.Max(lastEventId, ApiSeed.EventId(left));
                    members.Remove(leaver.UserId!);
                    break;
                case 2:
                    var project = await ApiSeed.ProjectAsync(users.First(u => u.UserId == members[0]), workspace, $"Project {step}");
                    model.Projects[project] = workspace;
                    break;
                default:
                    if (model.Projects.Where(p => p.Value == workspace).Select(p => p.Key).FirstOrDefault() is { } inProject)
                    {
                        var created = await ApiSeed.TaskAsync(actor, inProject, $"zebra task {step}");
                        model.Tasks[created.GetProperty("task").GetProperty("id").GetString()!] = workspace;
                        lastEventId = Math.Max(lastEventId, long.Parse(created.GetProperty("eventId").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
                        var comment = (await actor.MutateAsync("mutation($t: ID!) { addComment(input: { taskId: $t, body: \"zebra comment\" }) { eventId errors { code } } }",
                            new { t = created.GetProperty("task").GetProperty("id").GetString() })).Payload("addComment");
                        lastEventId = Math.Max(lastEventId, ApiSeed.EventId(comment));
                    }

                    break;
            }
        }

        // Every read model has every change before the doors are tried (the feed and notifications are not waited for by the mutations).
        await users[0].QueryAsync("{ __typename }", minEventId: lastEventId);
        var checks = 0;
        foreach (var user in users)
        {
            var mine = model.Members.Where(m => m.Value.Contains(user.UserId!)).Select(m => m.Key).ToHashSet();
            checks += await CheckEveryDoorAsync(user, mine, model, lastEventId);
        }

        Assert.True(checks > 50, $"only {checks} visible objects were checked: the test saw too little to mean anything");
    }

    private static async Task<int> CheckEveryDoorAsync(GraphQLClient user, HashSet<string> mine, Model model, long lastEventId)
    {
        var seen = 0;
        var listed = (await user.QueryAsync("{ workspaces(first: 100) { nodes { id } } }", minEventId: lastEventId)).Data("workspaces").GetProperty("nodes");
        Assert.Equal(mine.Order(), listed.EnumerateArray().Select(w => w.GetProperty("id").GetString()!).Order());

        foreach (var (id, workspace) in model.Members.Keys.Select(k => (k, k))
            .Concat(model.Projects.Select(p => (p.Key, p.Value)))
            .Concat(model.Tasks.Select(t => (t.Key, t.Value))))
        {
            var node = (await user.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id })).Data("node");
            Assert.Equal(mine.Contains(workspace), node.ValueKind == JsonValueKind.Object);
            seen += node.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        foreach (var (task, workspace) in model.Tasks)
        {
            var found = (await user.QueryAsync("query($id: ID!) { task(id: $id) { id comments { nodes { body } } history { nodes { type } } } }", new { id = task })).Data("task");
            Assert.Equal(mine.Contains(workspace), found.ValueKind == JsonValueKind.Object);
        }

        foreach (var (project, workspace) in model.Projects)
        {
            var found = (await user.QueryAsync("query($id: ID!) { project(id: $id) { board { columns { tasks { nodes { id } } } } } }", new { id = project })).Data("project");
            Assert.Equal(mine.Contains(workspace), found.ValueKind == JsonValueKind.Object);
        }

        var feed = (await user.QueryAsync("{ feed(first: 200) { nodes { workspace { id } target { id } } } }")).Data("feed").GetProperty("nodes");
        foreach (var entry in feed.EnumerateArray())
        {
            Assert.Contains(entry.GetProperty("workspace").GetProperty("id").GetString()!, mine);
            seen++;
        }

        var notifications = (await user.QueryAsync("{ notifications(first: 200) { nodes { workspace { id } kind } } }")).Data("notifications").GetProperty("nodes");
        foreach (var notification in notifications.EnumerateArray().Where(n => n.GetProperty("kind").GetString() != "invited"))
        {
            Assert.Contains(notification.GetProperty("workspace").GetProperty("id").GetString()!, mine);
        }

        foreach (var workspace in model.Members.Keys)
        {
            var hits = (await user.QueryAsync("query($ws: ID!) { search(workspaceId: $ws, query: \"zebra\", first: 100) { nodes { task { id } } } }", new { ws = workspace }))
                .Data("search").GetProperty("nodes");
            if (!mine.Contains(workspace))
            {
                Assert.Equal(0, hits.GetArrayLength());
            }

            foreach (var hit in hits.EnumerateArray())
            {
                Assert.Equal(workspace, model.Tasks[hit.GetProperty("task").GetProperty("id").GetString()!]);
                seen++;
            }
        }

        return seen;
    }

    private sealed class Model
    {
        public Dictionary<string, List<string>> Members { get; } = [];

        public Dictionary<string, string> Projects { get; } = [];

        public Dictionary<string, string> Tasks { get; } = [];
    }
}
