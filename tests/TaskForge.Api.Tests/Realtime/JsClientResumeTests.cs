using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TaskForge.Api.Schema;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Api.Tests.Interop.Support;
using TaskForge.Api.Tests.Realtime.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>
/// Resume with the npm <c>@microsoft/signalr</c> client run by node against the host on a real port: the client drops, the
/// log moves on, and the client reconnects with the last id it holds. It must then hold every event of its workspace
/// exactly once, in log order (compared with the log itself), then the live ones.
/// </summary>
public sealed class JsClientResumeTests(KestrelApiHostFixture api) : IClassFixture<KestrelApiHostFixture>
{
    private RealtimeLog Log => new(api.Factory.Services.GetRequiredService<IDocumentStore>(), api.Factory.Services.GetRequiredService<NpgsqlDataSource>());

    [Fact]
    public async Task A_js_client_that_reconnects_after_1000_changes_holds_each_event_once_in_order_then_live_ones()
    {
        var (owner, workspace, project) = await SeedAsync();
        await using var client = await NodeHubClient.StartAsync();
        var last = await SubscribeAndReceiveAsync(client, owner, workspace, project);
        await client.StopAsync();

        var missed = await ChangesAsync(owner, project, 1000);
        await client.ConnectAsync(NodeHubClient.HubUrl(api.Url), owner.AccessToken!);
        var resumed = await client.SubscribeAsync([$"workspace:{workspace}"], last.ToString(CultureInfo.InvariantCulture));
        Assert.False(resumed.TryGetProperty("resyncRequired", out _), resumed.GetRawText());
        var live = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "live after the resume"));
        var ids = await client.UntilEventAsync(live, "the missed events and the live one");

        var before = await ReceivedBeforeAsync(client, last);
        Assert.Equal([.. before, .. await Log.WorkspaceEventsAsync(Guid(workspace, 0), last, live)], ids);
        Assert.Superset(missed.ToHashSet(), ids.ToHashSet());
        Assert.Equal(2, (await client.StateAsync()).GetProperty("live").GetArrayLength());
    }

    [Fact]
    public async Task A_js_MessagePack_client_resumes_after_missed_changes_exactly_as_a_JSON_one_does()
    {
        var (owner, workspace, project) = await SeedAsync();
        await using var client = await NodeHubClient.StartAsync();
        var last = await SubscribeAndReceiveAsync(client, owner, workspace, project, "messagepack");
        await client.StopAsync();

        var missed = await ChangesAsync(owner, project, 100);
        await client.ConnectAsync(NodeHubClient.HubUrl(api.Url), owner.AccessToken!, "messagepack");
        var resumed = await client.SubscribeAsync([$"workspace:{workspace}"], last.ToString(CultureInfo.InvariantCulture));
        Assert.True(resumed.GetProperty("replayed").GetInt32() > 0, resumed.GetRawText());
        var live = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "live over MessagePack"));
        var ids = await client.UntilEventAsync(live, "the missed events and the live one");

        Assert.Equal([.. await ReceivedBeforeAsync(client, last), .. await Log.WorkspaceEventsAsync(Guid(workspace, 0), last, live)], ids);
        Assert.Superset(missed.ToHashSet(), ids.ToHashSet());
        var titles = (await client.StateAsync()).GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "TaskCreated").Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("live over MessagePack", titles);
        Assert.Contains("change 99", titles);
    }

    [Fact]
    public async Task A_js_client_resuming_while_changes_commit_during_its_replay_misses_none_and_repeats_none()
    {
        var (owner, workspace, project) = await SeedAsync();
        await using var client = await NodeHubClient.StartAsync();
        var last = await SubscribeAndReceiveAsync(client, owner, workspace, project);
        await client.StopAsync();
        await ChangesAsync(owner, project, 1000);

        // More changes keep committing while the client reconnects and replays.
        var during = ChangesAsync(owner, project, 200);
        await client.ConnectAsync(NodeHubClient.HubUrl(api.Url), owner.AccessToken!);
        await client.SubscribeAsync([$"workspace:{workspace}"], last.ToString(CultureInfo.InvariantCulture));
        var upTo = (await during).Max();
        var ids = await client.UntilEventAsync(upTo, "every event made during the replay");

        var before = await ReceivedBeforeAsync(client, last);
        Assert.Equal([.. before, .. await Log.WorkspaceEventsAsync(Guid(workspace, 0), last, upTo)], ids);
    }

    [Fact]
    public async Task A_transaction_holding_its_sequence_number_across_the_reconnect_is_delivered_when_it_commits_before_the_events_behind_it()
    {
        var (owner, workspace, project) = await SeedAsync();
        var (workspaceId, projectId) = (Guid(workspace, 0), Guid(project, 1));
        var actor = GlobalId.TryParse(owner.UserId!)![0];
        await using var client = await NodeHubClient.StartAsync();
        var last = await SubscribeAndReceiveAsync(client, owner, workspace, project);
        await client.StopAsync();

        var held = await Log.AppendHeldAsync(workspaceId, projectId, actor);
        var behind = await Log.TasksCreatedAsync(workspaceId, projectId, actor, 50);
        Assert.All(behind, p => Assert.True(p > held.Position));
        await client.ConnectAsync(NodeHubClient.HubUrl(api.Url), owner.AccessToken!);
        var resumed = await client.SubscribeAsync([$"workspace:{workspace}"], last.ToString(CultureInfo.InvariantCulture));
        // The high-water mark cannot pass the open transaction: the replay stops before it, and nothing behind it is sent.
        Assert.True(long.Parse(resumed.GetProperty("lastEventId").GetString()!, CultureInfo.InvariantCulture) < held.Position);
        Assert.All(await client.IdsAsync(), id => Assert.True(id < held.Position));

        await held.CommitAsync();
        var ids = await client.UntilEventAsync(behind[^1], "the held event and those behind it");
        var before = await ReceivedBeforeAsync(client, last);
        var expected = await Log.WorkspaceEventsAsync(workspaceId, last, behind[^1]);
        Assert.Equal([.. before, .. expected], ids);
        Assert.Equal(held.Position, expected[0]);
        Assert.Equal(behind, expected[1..]);
    }

    private async Task<(GraphQLClient Owner, string Workspace, string Project)> SeedAsync()
    {
        var owner = await api.SignUpAsync("js-owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        return (owner, workspace, await ApiSeed.ProjectAsync(owner, workspace));
    }

    /// <summary>Connects, subscribes live, receives three changes; returns the last id the client holds.</summary>
    private async Task<long> SubscribeAndReceiveAsync(NodeHubClient client, GraphQLClient owner, string workspace, string project, string? protocol = null)
    {
        var connected = await client.ConnectAsync(NodeHubClient.HubUrl(api.Url), owner.AccessToken!, protocol);
        Assert.Equal(protocol ?? "json", connected.GetProperty("protocol").GetString());
        var subscribed = await client.SubscribeAsync([$"workspace:{workspace}"], null);
        var from = long.Parse(subscribed.GetProperty("lastEventId").GetString()!, CultureInfo.InvariantCulture);
        var made = await ChangesAsync(owner, project, 3);
        var ids = await client.UntilEventAsync(made.Max(), "the first changes");
        Assert.Equal(await Log.WorkspaceEventsAsync(Guid(workspace, 0), from, made.Max()), ids);
        return ids[^1];
    }

    private static async Task<IReadOnlyList<long>> ReceivedBeforeAsync(NodeHubClient client, long last) => [.. (await client.IdsAsync()).Where(id => id <= last)];

    /// <summary><paramref name="count"/> createTask mutations through the GraphQL API, eight at a time; their event ids.</summary>
    private static async Task<IReadOnlyList<long>> ChangesAsync(GraphQLClient owner, string project, int count)
    {
        var ids = new long[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            ids[i] = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, $"change {i}")));
        Assert.DoesNotContain(0L, ids);
        return ids;
    }

    private static Guid Guid(string globalId, int part) => GlobalId.TryParse(globalId)![part];
}
