using System.Text.Json;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Api.Tests.Realtime.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>Two API processes sharing a real redis-server: presence seen on one node shows on the other; a dead node's users expire.</summary>
public sealed class RedisPresenceTests(RedisPresenceTests.Nodes nodes) : IClassFixture<RedisPresenceTests.Nodes>
{
    public sealed class Nodes : ApiNodesFixture
    {
        protected override bool UsesRedis => true;

        // Short, so that a killed node's users expire within the test.
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Realtime__PresenceTtl"] = "00:00:03",
            ["Realtime__PresenceHeartbeat"] = "00:00:00.500",
        };
    }

    [Fact]
    public async Task Presence_and_typing_on_node_A_show_on_node_B()
    {
        await nodes.EnsureRunningAsync();
        var (olive, milo, project, task) = await SeedAsync();
        await using var a = await NodeHubClient.StartAsync();
        await a.ConnectAsync(nodes[0].HubUrl, olive.AccessToken!);
        await a.InvokeAsync("JoinPresence", new { scope = $"project:{project}" });
        await a.InvokeAsync("JoinPresence", new { scope = $"task:{task}" });

        await using var b = await NodeHubClient.StartAsync();
        await b.ConnectAsync(nodes[1].HubUrl, milo.AccessToken!);
        var joined = await b.InvokeAsync("JoinPresence", new { scope = $"project:{project}" });
        Assert.Equal(["Olive", "Milo"], Names(joined));
        await a.UntilAsync(s => Presence(s).Any(p => Names(p).SequenceEqual(["Olive", "Milo"])), "Milo, on node B, to appear on node A");

        await b.InvokeAsync("JoinPresence", new { scope = $"task:{task}" });
        await b.InvokeAsync("Typing", new { taskId = task, typing = true });
        var state = await a.UntilAsync(s => s.GetProperty("typing").GetArrayLength() > 0, "Milo's typing on node A");
        Assert.Equal(("Milo", true), (state.GetProperty("typing")[0].GetProperty("displayName").GetString(), state.GetProperty("typing")[0].GetProperty("typing").GetBoolean()));

        await b.StopAsync();
        await a.UntilAsync(s => Presence(s).Any(p => p.GetProperty("scope").GetString()!.StartsWith("project:", StringComparison.Ordinal) && Names(p).SequenceEqual(["Olive"]))
            && s.GetProperty("typing").EnumerateArray().Any(t => !t.GetProperty("typing").GetBoolean()), "Milo to leave and stop typing on node A");
    }

    [Fact]
    public async Task The_users_of_a_node_whose_heartbeat_stops_expire_from_the_other_nodes_presence()
    {
        await nodes.EnsureRunningAsync();
        var (olive, milo, project, _) = await SeedAsync();
        await using var a = await NodeHubClient.StartAsync();
        await a.ConnectAsync(nodes[0].HubUrl, olive.AccessToken!);
        await a.InvokeAsync("JoinPresence", new { scope = $"project:{project}" });
        await using var b = await NodeHubClient.StartAsync();
        await b.ConnectAsync(nodes[1].HubUrl, milo.AccessToken!);
        await b.InvokeAsync("JoinPresence", new { scope = $"project:{project}" });
        await a.UntilAsync(s => Presence(s).Any(p => Names(p).SequenceEqual(["Olive", "Milo"])), "Milo to appear on node A");

        // SIGKILL: node B says nothing; its entries stop being refreshed and expire.
        await nodes[1].KillAsync();
        var state = await a.UntilAsync(s => Names(Presence(s)[^1]).SequenceEqual(["Olive"]), "Milo to expire from node A's presence");
        Assert.Equal(1, Presence(state)[^1].GetProperty("members").GetArrayLength());

        // A late joiner on the surviving node sees only Olive too.
        await using var late = await NodeHubClient.StartAsync();
        await late.ConnectAsync(nodes[0].HubUrl, milo.AccessToken!);
        Assert.Equal(["Olive", "Milo"], Names(await late.InvokeAsync("JoinPresence", new { scope = $"project:{project}" })));
    }

    private async Task<(GraphQLClient Olive, GraphQLClient Milo, string Project, string Task)> SeedAsync()
    {
        var olive = await nodes.SignUpAsync(0, "Olive");
        var milo = await nodes.SignUpAsync(0, "Milo");
        var workspace = await ApiSeed.WorkspaceAsync(olive);
        await ApiSeed.JoinAsync(olive, workspace, milo);
        var project = await ApiSeed.ProjectAsync(olive, workspace);
        var task = (await ApiSeed.TaskAsync(olive, project, "Discussed")).GetProperty("task").GetProperty("id").GetString()!;
        return (olive, milo, project, task);
    }

    private static List<JsonElement> Presence(JsonElement state) => [.. state.GetProperty("presence").EnumerateArray()];

    private static List<string> Names(JsonElement presence) =>
        [.. presence.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()!)];
}
