using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Support;
using TaskForge.GraphQL.Tests.Transport;

namespace TaskForge.GraphQL.Tests.Conformance;

/// <summary>npm's graphql-ws client (createClient, graphql-transport-ws) against our WebSocket endpoint.</summary>
public sealed class GraphQLWsTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task Subscription_streams_every_event_then_completes()
    {
        var events = await RunClientAsync(new
        {
            connectionParams = new { token = SampleServer.Token },
            operations = new[] { new { query = "subscription ($from: Int!) { countdown(from: $from) }", variables = new { from = 3 } } },
        });

        Assert.Equal("connected", events[0].GetProperty("event").GetString());
        var values = events.Where(e => e.GetProperty("event").GetString() == "next")
            .Select(e => e.GetProperty("payload").GetProperty("data").GetProperty("countdown").GetInt32());
        Assert.Equal([3, 2, 1, 0], values);
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "complete");
    }

    [Fact]
    public async Task Queries_and_mutations_also_run_over_the_socket()
    {
        var events = await RunClientAsync(new
        {
            connectionParams = new { token = SampleServer.Token },
            operations = new object[]
            {
                new { query = "{ hello(name: \"ws\") whoami }" },
                new { query = "mutation { increment(by: 2) }" },
            },
        });

        var next = events.Where(e => e.GetProperty("event").GetString() == "next").ToDictionary(e => e.GetProperty("op").GetInt32());
        Assert.Equal("Hello, ws!", next[0].GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("ws-user", next[0].GetProperty("payload").GetProperty("data").GetProperty("whoami").GetString());
        Assert.True(next[1].GetProperty("payload").GetProperty("data").GetProperty("increment").GetInt32() >= 2);
        Assert.Equal(2, events.Count(e => e.GetProperty("event").GetString() == "complete"));
    }

    [Fact]
    public async Task Deferred_and_streamed_query_arrives_as_several_next_messages()
    {
        var events = await RunClientAsync(new
        {
            connectionParams = new { token = SampleServer.Token },
            operations = new[] { new { query = "{ hello ... @defer(label: \"ws\") { later(name: \"ws\") } letters @stream(initialCount: 1) }" } },
        });

        var parts = events.Where(e => e.GetProperty("event").GetString() == "next").Select(e => e.GetProperty("payload")).ToList();
        Assert.True(parts.Count >= 2);
        Assert.Equal(["a"], parts[0].GetProperty("data").GetProperty("letters").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["0 ws", "1 -"], parts[0].GetProperty("pending").EnumerateArray()
            .Select(p => $"{p.GetProperty("id").GetString()} {(p.TryGetProperty("label", out var l) ? l.GetString() : "-")}").Order());
        Assert.False(parts[^1].GetProperty("hasNext").GetBoolean());
        Assert.Single(events, e => e.GetProperty("event").GetString() == "complete");
    }

    [Fact]
    public async Task Client_unsubscribing_completes_the_operation_and_stops_the_source_stream()
    {
        var events = await RunClientAsync(new
        {
            connectionParams = new { token = SampleServer.Token },
            operations = new[] { new { query = "subscription { ticks(label: \"graphql-ws\") }", take = 2 } },
        });

        Assert.Equal(2, events.Count(e => e.GetProperty("event").GetString() == "next"));
        await server.WhenTicksStopped("graphql-ws").WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Client_keep_alive_pings_are_answered_with_pongs()
    {
        var events = await RunClientAsync(new
        {
            connectionParams = new { token = SampleServer.Token },
            keepAlive = 10,
            operations = new[] { new { query = "subscription { ticks(label: \"keep-alive\") }", take = 5 } },
        });

        Assert.Contains(events, e => e.GetProperty("event").GetString() == "pong" && e.GetProperty("received").GetBoolean());
        Assert.Equal(5, events.Count(e => e.GetProperty("event").GetString() == "next"));
    }

    [Fact]
    public async Task Validation_errors_arrive_as_an_error_message()
    {
        var events = await RunClientAsync(new
        {
            connectionParams = new { token = SampleServer.Token },
            operations = new[] { new { query = "subscription { nope }" } },
        });

        var error = Assert.Single(events, e => e.GetProperty("event").GetString() == "error");
        Assert.Contains("nope", error.GetProperty("error")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_connection_init_closes_with_4403()
    {
        var events = await RunClientAsync(new
        {
            connectionParams = new { token = "wrong" },
            operations = new[] { new { query = "{ hello }" } },
        });

        var closed = Assert.Single(events, e => e.GetProperty("event").GetString() == "closed");
        Assert.Equal(4403, closed.GetProperty("code").GetInt32());
        Assert.Equal("Forbidden", closed.GetProperty("reason").GetString());
        Assert.DoesNotContain(events, e => e.GetProperty("event").GetString() == "next");
    }

    [Fact]
    public async Task Connection_without_init_is_closed_with_4408_after_the_wait_timeout()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.StrictWebSocketUri);

        var (code, reason) = await client.ReceiveCloseAsync();

        Assert.Equal(4408, code);
        Assert.Equal("Connection initialisation timeout", reason);
    }

    private async Task<List<JsonElement>> RunClientAsync(object spec)
    {
        var output = await NodeScripts.RunAsync("ws-client.mjs", [server.WebSocketUri.ToString(), JsonSerializer.Serialize(spec)]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                return json.RootElement.Clone();
            })
            .ToList();
    }
}
