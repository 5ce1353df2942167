using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>/hubs/events over the whole host: subscribe, receive, drop, change through the API, resume from the last id.</summary>
public sealed class HubTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task A_client_that_reconnects_with_its_last_event_id_gets_exactly_what_it_missed_then_live_events()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        _workspace = TaskForge.Api.Schema.GlobalId.TryParse(workspace)![0];
        var server = fixture.Factory.Server;

        var first = await HubClient.ConnectAsync(server, owner.AccessToken!);
        var subscribed = await first.SubscribeAsync([$"workspace:{workspace}"], null);
        Assert.False(string.IsNullOrEmpty(subscribed.GetProperty("subscriptionId").GetString()));
        Assert.Equal(JsonValueKind.String, subscribed.GetProperty("lastEventId").ValueKind);
        await first.UntilAsync(c => c.Live.Count == 1, "Live");

        var seen = new List<long>();
        for (var i = 0; i < 3; i++)
            seen.Add(ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, $"seen {i}")));
        await first.UntilAsync(c => c.Ids.Count > 0 && c.Ids[^1] >= seen[^1], "the first events");
        var subscribedAt = long.Parse(subscribed.GetProperty("lastEventId").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(await WorkspaceEventsAsync(subscribedAt, seen[^1]), first.Ids);
        var e = first.Events.Last(m => m.GetProperty("type").GetString() == "TaskCreated");
        Assert.Equal("TaskCreated", e.GetProperty("type").GetString());
        Assert.Equal("seen 2", e.GetProperty("data").GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(e.GetProperty("actorId").GetString()));
        Assert.Equal(JsonValueKind.String, e.GetProperty("id").ValueKind);
        var last = first.Events[^1].GetProperty("id").GetString();
        await first.DisposeAsync();

        var missed = new List<long>();
        for (var i = 0; i < 20; i++)
            missed.Add(ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, $"missed {i}")));

        var second = await HubClient.ConnectAsync(server, owner.AccessToken!);
        var resumed = await second.SubscribeAsync([$"workspace:{workspace}"], last);
        // The mutations waited for their read models, so the mark (and this node's tailer) may or may not have all 20 yet:
        // the rest come live, after Live, with no gap and no duplicate.
        await second.UntilAsync(c => c.Ids.Count > 0 && c.Ids[^1] >= missed[^1], "the missed events");
        var lastSeen = long.Parse(last!, System.Globalization.CultureInfo.InvariantCulture);
        var expected = await WorkspaceEventsAsync(lastSeen, missed[^1]);
        Assert.Equal(expected, second.Ids);
        Assert.Superset(missed.ToHashSet(), expected.ToHashSet());
        Assert.True(resumed.GetProperty("replayed").GetInt32() <= expected.Count);

        var live = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "live"));
        await second.UntilAsync(c => c.Ids[^1] >= live, "the live event");
        Assert.Equal([.. expected, .. await WorkspaceEventsAsync(missed[^1], live)], second.Ids);
        Assert.Single(second.Live);
        await second.DisposeAsync();
    }

    /// <summary>The log's events in (after, upTo] of the workspaces of the test's own host (each test has its own user and workspace).</summary>
    private async Task<List<long>> WorkspaceEventsAsync(long after, long upTo)
    {
        var store = fixture.Factory.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > after && e.Sequence <= upTo).OrderBy(e => e.Sequence).ToListAsync();
        return [.. events.Where(e => e.Data is TaskForge.Domain.IWorkspaceScoped scoped && scoped.WorkspaceId == _workspace).Select(e => e.Sequence)];
    }

    private Guid _workspace;

    [Fact]
    public async Task Bug_a_client_holding_an_event_id_beyond_the_log_is_told_to_resync_instead_of_waiting_for_it()
    {
        // A browser keeps its last event id across a database reset (or points at another environment): trusted, it would
        // be sent nothing until the log reached that id.
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var current = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "before"));

        var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!);
        var stale = await client.SubscribeAsync([$"workspace:{workspace}"], (current + 5_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(stale.GetProperty("resyncRequired").GetBoolean(), stale.GetRawText());
        Assert.Contains("ahead of the log", stale.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Subscribed again from the event id its refetched state reflects, it gets the next change.
        await client.SubscribeAsync([$"workspace:{workspace}"], current.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var next = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "after"));
        await client.UntilAsync(c => c.Ids.Contains(next), "the next event");
        Assert.All(client.Ids, id => Assert.True(id > current));
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Subscribing_to_a_workspace_you_are_not_in_fails_and_a_bad_scope_is_a_validation_error()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var stranger = await fixture.SignUpAsync("stranger");

        var client = await HubClient.ConnectAsync(fixture.Factory.Server, stranger.AccessToken!);
        var refused = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync([$"workspace:{workspace}"], null));
        Assert.Contains("NOT_FOUND", refused.Message, StringComparison.Ordinal);
        var invalid = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync(["board:1"], null));
        Assert.Contains("VALIDATION", invalid.Message, StringComparison.Ordinal);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task A_connection_without_a_token_is_refused()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Factory.Server.BaseAddress, "/hubs/events"), o => o.HttpMessageHandlerFactory = _ => fixture.Factory.Server.CreateHandler())
            .Build();
        var failure = await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failure.StatusCode);
        await connection.DisposeAsync();
    }
}
