using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Microsoft.IdentityModel.Tokens;
using TaskForge.Api.Schema;
using TaskForge.Api.Tests.Accounts;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Api.Tests.Realtime.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>
/// <c>subscription { events(scopes, after) }</c> over graphql-transport-ws with npm's graphql-ws client run by node: the
/// same stream as the hub's, from the same fan-out, with resume from <c>after</c> and RESYNC_REQUIRED when too far behind.
/// </summary>
public sealed class GraphQLEventsSubscriptionTests(GraphQLEventsSubscriptionTests.Host api) : IClassFixture<GraphQLEventsSubscriptionTests.Host>
{
    /// <summary>The host on a real port, with a low replay bound so that "too far behind" is quick to reach.</summary>
    public sealed class Host : ApiHostFixture
    {
        protected override bool ListensOnRealPort => true;

        public Uri Url => GraphQLUri ?? throw new InvalidOperationException("Not initialised.");

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Realtime:MaxReplayEvents"] = "200" };
    }

    private const string Query = """
        subscription Events($scopes: [String!]!, $after: EventId) {
          events(scopes: $scopes, after: $after) { kind lastEventId reason event { id type streamId workspaceId data } }
        }
        """;

    [Fact]
    public async Task Graphql_ws_resumes_from_after_with_every_missed_event_once_in_order_then_live_ones()
    {
        var owner = await api.SignUpAsync("gql-ws");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var seen = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "seen"));
        var missed = new List<long>();
        for (var i = 0; i < 30; i++)
            missed.Add(ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, $"missed {i}")));

        await using var client = await NodeHubClient.StartAsync("graphql-ws-client.mjs");
        await client.SendAsync(new JsonObject { ["op"] = "connect", ["url"] = api.Url.ToString(), ["token"] = owner.AccessToken });
        await SubscribeAsync(client, workspace, seen);
        var state = await client.UntilAsync(s => Messages(s).Any(m => m.GetProperty("kind").GetString() == "LIVE"), "LIVE");
        var live = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "live"));
        state = await client.UntilAsync(s => EventIds(s).Contains(live), "the live event");

        var expected = await Log.WorkspaceEventsAsync(GlobalId.TryParse(workspace)![0], seen, live);
        Assert.Equal(expected, EventIds(state));
        Assert.Superset(missed.ToHashSet(), expected.ToHashSet());
        var messages = Messages(state);
        var liveAt = messages.FindIndex(m => m.GetProperty("kind").GetString() == "LIVE");
        Assert.True(EventIds(state).IndexOf(live) >= liveAt);
        Assert.Equal(1, messages.Count(m => m.GetProperty("kind").GetString() == "LIVE"));
        var created = messages.Where(m => m.GetProperty("kind").GetString() == "EVENT").Select(m => m.GetProperty("event")).Last(e => e.GetProperty("type").GetString() == "TaskCreated");
        Assert.True(created.GetProperty("data").TryGetProperty("title", out var title), created.GetRawText());
        Assert.Equal(("TaskCreated", "live"), (created.GetProperty("type").GetString(), title.GetString()));
        Assert.Empty(state.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Graphql_ws_too_far_behind_fails_with_resync_required_and_a_stranger_gets_not_found()
    {
        var owner = await api.SignUpAsync("gql-ws-far");
        var stranger = await api.SignUpAsync("gql-ws-stranger");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var from = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "start"));
        var workspaceId = GlobalId.TryParse(workspace)![0];
        await Log.TasksCreatedAsync(workspaceId, System.Guid.NewGuid(), GlobalId.TryParse(owner.UserId!)![0], 250);

        await using var far = await NodeHubClient.StartAsync("graphql-ws-client.mjs");
        await far.SendAsync(new JsonObject { ["op"] = "connect", ["url"] = api.Url.ToString(), ["token"] = owner.AccessToken });
        await SubscribeAsync(far, workspace, from);
        var state = await far.UntilAsync(s => s.GetProperty("errors").GetArrayLength() > 0, "the resync error");
        Assert.Equal("RESYNC_REQUIRED", state.GetProperty("errors")[0][0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(Messages(state));

        await using var outsider = await NodeHubClient.StartAsync("graphql-ws-client.mjs");
        await outsider.SendAsync(new JsonObject { ["op"] = "connect", ["url"] = api.Url.ToString(), ["token"] = stranger.AccessToken });
        await SubscribeAsync(outsider, workspace, null);
        state = await outsider.UntilAsync(s => s.GetProperty("errors").GetArrayLength() > 0, "the refusal");
        Assert.Equal("NOT_FOUND", state.GetProperty("errors")[0][0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Graphql_ws_ends_with_one_terminal_ENDED_message_then_complete_when_the_member_is_removed()
    {
        var owner = await api.SignUpAsync("gql-ws-owner");
        var member = await api.SignUpAsync("gql-ws-member");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        await ApiSeed.JoinAsync(owner, workspace, member);
        await using var client = await NodeHubClient.StartAsync("graphql-ws-client.mjs");
        await client.SendAsync(new JsonObject { ["op"] = "connect", ["url"] = api.Url.ToString(), ["token"] = member.AccessToken });
        await SubscribeAsync(client, workspace, null);
        await client.UntilAsync(s => Messages(s).Any(m => m.GetProperty("kind").GetString() == "LIVE"), "LIVE");

        var removed = await owner.MutateAsync("mutation($ws: ID!, $u: ID!) { removeMember(input: { workspaceId: $ws, userId: $u }) { errors { code message } } }",
            new { ws = workspace, u = member.UserId });
        Assert.Equal(0, removed.Payload("removeMember").GetProperty("errors").GetArrayLength());
        var state = await client.UntilAsync(s => s.GetProperty("completed").GetInt32() == 1, "the subscription to complete");
        var ended = Messages(state)[^1];
        Assert.Equal(("ENDED", "membership-lost"), (ended.GetProperty("kind").GetString(), ended.GetProperty("reason").GetString()));
        Assert.Single(Messages(state), m => m.GetProperty("kind").GetString() == "ENDED");
        Assert.Empty(state.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Graphql_ws_closes_with_4403_when_the_access_token_it_signed_in_with_expires()
    {
        var owner = await api.SignUpAsync("gql-ws-expiring");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var userId = GlobalId.TryParse(owner.UserId!)![0];
        var shortLived = TestTokens.Hs(api.SigningKey, SecurityAlgorithms.HmacSha256, userId, DateTimeOffset.UtcNow.AddSeconds(5));
        await using var lasting = await NodeHubClient.StartAsync("graphql-ws-client.mjs");
        await lasting.SendAsync(new JsonObject { ["op"] = "connect", ["url"] = api.Url.ToString(), ["token"] = owner.AccessToken });
        await SubscribeAsync(lasting, workspace, null);
        await using var expiring = await NodeHubClient.StartAsync("graphql-ws-client.mjs");
        await expiring.SendAsync(new JsonObject { ["op"] = "connect", ["url"] = api.Url.ToString(), ["token"] = shortLived });
        await SubscribeAsync(expiring, workspace, null);
        await expiring.UntilAsync(s => Messages(s).Any(m => m.GetProperty("kind").GetString() == "LIVE"), "LIVE");

        var state = await expiring.UntilAsync(s => s.GetProperty("closes").GetArrayLength() > 0, "the server to close at the token's expiry");
        var close = state.GetProperty("closes")[0];
        Assert.Equal((4403, "Forbidden: credentials expired"), (close.GetProperty("code").GetInt32(), close.GetProperty("reason").GetString()));

        // The connection signed in with a token that has not expired still gets what happens next.
        await ApiSeed.ProjectAsync(owner, workspace);
        var live = await lasting.UntilAsync(s => Messages(s).Any(m => m.GetProperty("kind").GetString() == "EVENT"
            && m.GetProperty("event").GetProperty("type").GetString() == "ProjectCreated"), "the new project's event");
        Assert.Empty(live.GetProperty("closes").EnumerateArray());
    }

    private RealtimeLog Log => new(api.Factory.Services.GetRequiredService<IDocumentStore>(), api.Factory.Services.GetRequiredService<NpgsqlDataSource>());

    private static Task<JsonElement> SubscribeAsync(NodeHubClient client, string workspace, long? after) =>
        client.SendAsync(new JsonObject
        {
            ["op"] = "subscribe",
            ["query"] = Query,
            ["variables"] = new JsonObject { ["scopes"] = new JsonArray($"workspace:{workspace}"), ["after"] = after?.ToString(CultureInfo.InvariantCulture) },
        });

    private static List<JsonElement> Messages(JsonElement state) => [.. state.GetProperty("next").EnumerateArray().Select(d => d.GetProperty("events"))];

    private static List<long> EventIds(JsonElement state) =>
        [.. Messages(state).Where(m => m.GetProperty("kind").GetString() == "EVENT")
            .Select(m => long.Parse(m.GetProperty("event").GetProperty("id").GetString()!, CultureInfo.InvariantCulture))];
}
