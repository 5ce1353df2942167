using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Support;
using TaskForge.GraphQL.Tests.Transport;

namespace TaskForge.GraphQL.Tests.Conformance;

/// <summary>npm's @apollo/client 4 against our HTTP endpoint: its persisted-query link and its batching link.</summary>
public sealed class ApolloClientTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task Persisted_query_link_sends_the_hash_resends_the_text_once_then_gets_hits_by_GET()
    {
        var (requests, results) = await RunAsync("apq");

        Assert.Equal(["Hello, apq-1!", "Hello, apq-2!"], results.Select(r => r.GetProperty("data").GetProperty("hello").GetString()));
        Assert.Equal(
            ["GET without text", "POST with text", "GET without text"],
            requests.Select(r => $"{r.GetProperty("method").GetString()} {(r.GetProperty("operations")[0].GetProperty("hasQuery").GetBoolean() ? "with" : "without")} text"));
        Assert.All(requests, r => Assert.Equal(1, r.GetProperty("operations")[0].GetProperty("extensions").GetProperty("persistedQuery").GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Batch_http_link_sends_three_queries_in_one_POST_and_gets_each_answer()
    {
        var (requests, results) = await RunAsync("batch");

        var request = Assert.Single(requests);
        Assert.True(request.GetProperty("batch").GetBoolean());
        Assert.Equal(3, request.GetProperty("operations").GetArrayLength());
        Assert.Equal(["Hello, a!", "Hello, b!", "Hello, c!"], results.Select(r => r.GetProperty("data").GetProperty("hello").GetString()));
    }

    [Fact]
    public async Task Incremental_handler_gets_the_initial_data_first_then_the_deferred_and_streamed_rest_over_multipart()
    {
        var (requests, results) = await RunAsync("defer");

        var request = Assert.Single(requests);
        Assert.Contains("multipart/mixed;incrementalSpec=v0.2", request.GetProperty("accept").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("multipart/mixed", request.GetProperty("contentType").GetString(), StringComparison.Ordinal);
        Assert.Equal("empty", results[0].GetProperty("dataState").GetString());
        var first = results.FirstOrDefault(r => r.GetProperty("dataState").GetString() != "empty");
        Assert.True(first.ValueKind == JsonValueKind.Object, string.Join("\n", results) + string.Join("\n", requests));
        Assert.True(first.GetProperty("dataState").GetString() == "streaming", string.Join("\n", results));
        Assert.Equal("Hello, world!", first.GetProperty("data").GetProperty("hello").GetString());
        Assert.False(first.GetProperty("data").TryGetProperty("later", out _));
        var last = results[^1];
        Assert.Equal("complete", last.GetProperty("dataState").GetString());
        Assert.Equal("Later, later!", last.GetProperty("data").GetProperty("later").GetString());
        Assert.Equal(["a", "b", "c"], last.GetProperty("data").GetProperty("letters").EnumerateArray().Select(l => l.GetString()));
        Assert.All(results, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind));
    }

    private async Task<(List<JsonElement> Requests, List<JsonElement> Results)> RunAsync(string scenario)
    {
        var output = await NodeScripts.RunAsync("apollo-client.mjs", [server.HttpUri.ToString(), scenario]);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement.Clone();
        return (root.GetProperty("requests").EnumerateArray().ToList(), root.GetProperty("results").EnumerateArray().ToList());
    }
}
