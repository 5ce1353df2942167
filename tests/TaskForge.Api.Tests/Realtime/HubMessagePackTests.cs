using System.Collections.Concurrent;
using System.Globalization;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>/hubs/events with SignalR's MessagePack protocol: the same contract as JSON, in maps with the same names (ADR 123).</summary>
public sealed class HubMessagePackTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task A_MessagePack_client_subscribes_receives_events_and_resumes_from_an_integer_or_string_event_id()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var events = new ConcurrentQueue<Dictionary<object, object?>>();
        var live = new ConcurrentQueue<Dictionary<object, object?>>();
        await using var connection = Connect(owner.AccessToken!, events, live);
        await connection.StartAsync();

        var subscribed = await connection.InvokeAsync<Dictionary<object, object?>>("Subscribe", Request([$"workspace:{workspace}"], null));
        Assert.IsType<string>(subscribed["subscriptionId"]);
        var created = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "packed"));
        await Until.TrueAsync(() => events.Any(e => Id(e) >= created), "the TaskCreated event");

        var e = events.Single(m => (string?)m["type"] == "TaskCreated");
        Assert.Equal(subscribed["subscriptionId"], e["subscriptionId"]);
        Assert.IsType<string>(e["id"]);
        Assert.Equal("packed", ((Dictionary<object, object?>)e["data"]!)["title"]);
        Assert.IsType<string>(e["actorId"]);
        Assert.Single(live);
        Assert.IsType<string>(live.Single()["lastEventId"]);

        // A second subscription resumes from before the task: by an integer id, and by the string the events carry.
        foreach (var after in new object[] { created - 1, (created - 1).ToString(CultureInfo.InvariantCulture) })
        {
            var resumed = await connection.InvokeAsync<Dictionary<object, object?>>("Subscribe", Request([$"workspace:{workspace}"], after));
            Assert.True(Convert.ToInt32(resumed["replayed"], CultureInfo.InvariantCulture) >= 1);
            await Until.TrueAsync(() => events.Count(m => Equals(m["subscriptionId"], resumed["subscriptionId"]) && Id(m) == created) == 1, "the replayed event");
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<object>("Subscribe", Request(["board:1"], null)));
        Assert.Contains("VALIDATION", refused.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Request(string[] scopes, object? after) => new() { ["scopes"] = scopes, ["after"] = after };

    private static long Id(Dictionary<object, object?> e) => long.Parse((string)e["id"]!, CultureInfo.InvariantCulture);

    private HubConnection Connect(string accessToken, ConcurrentQueue<Dictionary<object, object?>> events, ConcurrentQueue<Dictionary<object, object?>> live)
    {
        var connection = HubClient.Builder(fixture.Factory.Server, accessToken)
            .AddMessagePackProtocol(o => o.SerializerOptions = MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance))
            .Build();
        connection.On<Dictionary<object, object?>>("Event", events.Enqueue);
        connection.On<Dictionary<object, object?>>("Live", live.Enqueue);
        return connection;
    }
}
