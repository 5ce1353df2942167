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

    private async Task<(List<JsonElement> Requests, List<JsonElement> Results)> RunAsync(string scenario)
    {
        var output = await NodeScripts.RunAsync("apollo-client.mjs", [server.HttpUri.ToString(), scenario]);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement.Clone();
        return (root.GetProperty("requests").EnumerateArray().ToList(), root.GetProperty("results").EnumerateArray().ToList());
    }
}
