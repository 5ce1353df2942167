using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Support;
using TaskForge.GraphQL.Tests.Transport;

namespace TaskForge.GraphQL.Tests.Conformance;

/// <summary>npm's graphql-sse client (createClient) against our endpoint, in both of the protocol's modes.</summary>
public sealed class GraphQLSseTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Subscription_streams_every_event_then_completes(bool singleConnection)
    {
        var events = await RunClientAsync(singleConnection, new { query = "subscription ($from: Int!) { countdown(from: $from) }", variables = new { from = 3 } });

        var values = Of(events, "next").Select(e => e.GetProperty("payload").GetProperty("data").GetProperty("countdown").GetInt32());
        Assert.Equal([3, 2, 1, 0], values);
        Assert.Single(Of(events, "complete"));
        Assert.Empty(Of(events, "error"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Query_and_mutation_run_over_the_stream(bool singleConnection)
    {
        var events = await RunClientAsync(singleConnection,
            new { query = "{ hello(name: \"sse\") }" },
            new { query = "mutation { increment(by: 3) }" });

        var next = Of(events, "next").ToDictionary(e => e.GetProperty("op").GetInt32());
        Assert.Equal("Hello, sse!", next[0].GetProperty("payload").GetProperty("data").GetProperty("hello").GetString());
        Assert.True(next[1].GetProperty("payload").GetProperty("data").GetProperty("increment").GetInt32() >= 3);
        Assert.Equal(2, Of(events, "complete").Count());
    }

    [Fact]
    public async Task Validation_errors_arrive_as_a_next_event_in_distinct_connections_mode()
    {
        var events = await RunClientAsync(false, new { query = "subscription { nope }" });

        var payload = Assert.Single(Of(events, "next")).GetProperty("payload");
        Assert.False(payload.TryGetProperty("data", out _));
        Assert.Equal("Cannot query field \"nope\" on type \"Subscription\".", payload.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(false, "sse-distinct")]
    [InlineData(true, "sse-single")]
    public async Task Disposing_of_a_subscription_stops_its_source_stream(bool singleConnection, string label)
    {
        var events = await RunClientAsync(singleConnection, new { query = $"subscription {{ ticks(label: \"{label}\") }}", take = 2 });

        Assert.Equal(2, Of(events, "next").Count());
        await server.WhenTicksStopped(label).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Single_connection_carries_several_operations_at_once()
    {
        var events = await RunClientAsync(true,
            new { query = "subscription { countdown(from: 2) }" },
            new { query = "subscription { countdown(from: 1) }" },
            new { query = "{ hello }" });

        Assert.Equal([2, 1, 0], Of(events, "next").Where(e => e.GetProperty("op").GetInt32() == 0)
            .Select(e => e.GetProperty("payload").GetProperty("data").GetProperty("countdown").GetInt32()));
        Assert.Equal([1, 0], Of(events, "next").Where(e => e.GetProperty("op").GetInt32() == 1)
            .Select(e => e.GetProperty("payload").GetProperty("data").GetProperty("countdown").GetInt32()));
        Assert.Equal(3, Of(events, "complete").Count());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deferred_query_arrives_as_initial_and_subsequent_parts(bool singleConnection)
    {
        var events = await RunClientAsync(singleConnection, new { query = "{ hello ... @defer { later(name: \"sse\") } }" });

        var parts = Of(events, "next").Select(e => e.GetProperty("payload")).ToList();
        Assert.Equal(2, parts.Count);
        Assert.Equal("Hello, world!", parts[0].GetProperty("data").GetProperty("hello").GetString());
        Assert.True(parts[0].GetProperty("hasNext").GetBoolean());
        Assert.Equal("Later, sse!", parts[1].GetProperty("incremental")[0].GetProperty("data").GetProperty("later").GetString());
        Assert.False(parts[1].GetProperty("hasNext").GetBoolean());
        Assert.Single(Of(events, "complete"));
    }

    private static IEnumerable<JsonElement> Of(List<JsonElement> events, string name) =>
        events.Where(e => e.GetProperty("event").GetString() == name);

    private async Task<List<JsonElement>> RunClientAsync(bool singleConnection, params object[] operations)
    {
        var spec = JsonSerializer.Serialize(new { singleConnection, operations });
        var output = await NodeScripts.RunAsync("sse-client.mjs", [server.HttpUri.ToString(), spec]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.Clone();
        }).ToList();
    }
}
