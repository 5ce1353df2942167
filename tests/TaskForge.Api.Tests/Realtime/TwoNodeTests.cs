using System.Globalization;
using TaskForge.Api.Schema;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Api.Tests.Realtime.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>
/// Two API processes on one database, each tailing the log up to the high-water mark (ADR 0090), only one running the
/// projections (ADR 0083): a client gets the same events in the same order from either, and resumes on the other.
/// </summary>
public sealed class TwoNodeTests(ApiNodesFixture nodes) : IClassFixture<ApiNodesFixture>
{
    [Fact]
    public async Task An_edit_through_the_leader_reaches_a_js_client_of_the_standby_node()
    {
        await nodes.EnsureRunningAsync();
        var leader = await nodes.LeaderAsync();
        var standby = 1 - leader;
        var (owner, workspace, project) = await SeedAsync(leader);
        await using var client = await NodeHubClient.StartAsync();
        await client.ConnectAsync(nodes[standby].HubUrl, owner.AccessToken!);
        var subscribed = await client.SubscribeAsync([$"workspace:{workspace}"], null);
        var from = EventId(subscribed.GetProperty("lastEventId"));

        var made = await ChangesAsync(owner, project, 5);
        var ids = await client.UntilEventAsync(made.Max(), "the edits made through the other node");
        Assert.Equal(await WorkspaceEventsAsync(workspace, from, made.Max()), ids);
        Assert.False(await nodes[standby].LeadsProjectionsAsync());
    }

    [Fact]
    public async Task A_js_client_that_switches_nodes_on_reconnect_resumes_without_a_gap()
    {
        await nodes.EnsureRunningAsync();
        var (owner, workspace, project) = await SeedAsync(0);
        await using var client = await NodeHubClient.StartAsync();
        await client.ConnectAsync(nodes[0].HubUrl, owner.AccessToken!);
        var from = EventId((await client.SubscribeAsync([$"workspace:{workspace}"], null)).GetProperty("lastEventId"));
        var first = await ChangesAsync(owner, project, 3);
        var last = (await client.UntilEventAsync(first.Max(), "the first changes"))[^1];
        await client.StopAsync();

        var missed = await ChangesAsync(owner, project, 100);
        await client.ConnectAsync(nodes[1].HubUrl, owner.AccessToken!);
        await client.SubscribeAsync([$"workspace:{workspace}"], last.ToString(CultureInfo.InvariantCulture));
        var live = await ChangesAsync(nodes.Client(1), owner, project, 3);
        var ids = await client.UntilEventAsync(live.Max(), "the missed and the live changes on the other node");
        Assert.Equal(await WorkspaceEventsAsync(workspace, from, live.Max()), ids);
        Assert.Superset(missed.ToHashSet(), ids.ToHashSet());
    }

    [Fact]
    public async Task A_js_client_whose_node_is_killed_reconnects_to_the_other_and_resumes_without_a_gap()
    {
        await nodes.EnsureRunningAsync();
        var leader = await nodes.LeaderAsync();
        // The client's node is the leader, so the kill also moves the projections (and the mark's upkeep) to the other.
        var (doomed, survivor) = (leader, 1 - leader);
        var (owner, workspace, project) = await SeedAsync(survivor);
        await using var client = await NodeHubClient.StartAsync();
        await client.ConnectAsync(nodes[doomed].HubUrl, owner.AccessToken!);
        var from = EventId((await client.SubscribeAsync([$"workspace:{workspace}"], null)).GetProperty("lastEventId"));
        var first = await ChangesAsync(owner, project, 3);
        await client.UntilEventAsync(first.Max(), "the first changes");

        var writing = ChangesAsync(owner, project, 100);
        await nodes[doomed].KillAsync();
        await client.UntilAsync(s => s.GetProperty("closes").GetArrayLength() == 1, "the connection to drop");
        var last = (await client.IdsAsync())[^1];
        var missed = await writing;

        await client.ConnectAsync(nodes[survivor].HubUrl, owner.AccessToken!);
        await client.SubscribeAsync([$"workspace:{workspace}"], last.ToString(CultureInfo.InvariantCulture));
        var live = await ChangesAsync(owner, project, 3);
        var ids = await client.UntilEventAsync(live.Max(), "every change after the kill");
        Assert.Equal(await WorkspaceEventsAsync(workspace, from, live.Max()), ids);
        Assert.Superset(missed.ToHashSet(), ids.ToHashSet());
        Assert.Equal(survivor, await nodes.LeaderAsync());
    }

    private async Task<(GraphQLClient Owner, string Workspace, string Project)> SeedAsync(int node)
    {
        var owner = await nodes.SignUpAsync(node, "two-nodes");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        return (owner, workspace, await ApiSeed.ProjectAsync(owner, workspace));
    }

    private static Task<IReadOnlyList<long>> ChangesAsync(GraphQLClient owner, string project, int count) => ChangesAsync(null, owner, project, count);

    /// <summary>createTask mutations, four at a time (through <paramref name="via"/>'s node when given); their event ids.</summary>
    private static async Task<IReadOnlyList<long>> ChangesAsync(GraphQLClient? via, GraphQLClient owner, string project, int count)
    {
        var client = owner;
        if (via is not null)
        {
            via.SignIn(owner.AccessToken!, owner.UserId!, owner.Email!);
            client = via;
        }

        var ids = new long[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            ids[i] = ApiSeed.EventId(await ApiSeed.TaskAsync(client, project, $"change {i}")));
        Assert.DoesNotContain(0L, ids);
        return ids;
    }

    /// <summary>The log's events of the workspace in (after, upTo], read by SQL (the test has no Marten store of its own).</summary>
    private async Task<List<long>> WorkspaceEventsAsync(string workspace, long after, long upTo)
    {
        var id = GlobalId.TryParse(workspace)![0];
        await using var connection = await nodes.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            select seq_id from taskforge.mt_events
            where seq_id > $1 and seq_id <= $2 and (data ->> 'workspaceId' = $3 or headers ->> 'workspace-id' = $3)
            order by seq_id
            """;
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = after });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = upTo });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id.ToString() });
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    private static long EventId(System.Text.Json.JsonElement id) => long.Parse(id.GetString()!, CultureInfo.InvariantCulture);
}
