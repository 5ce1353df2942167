using System.Net;
using System.Text;
using System.Text.Json;
using TaskForge.GraphQL.Persisted;

namespace TaskForge.GraphQL.Tests.Transport;

/// <summary>Automatic persisted queries over GET and POST, and request batching, through the HTTP transport.</summary>
public sealed class PersistedAndBatchedHttpTests(SampleServer server) : IClassFixture<SampleServer>, IDisposable
{
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Hash_over_GET_is_not_found_then_registered_by_POST_then_served_by_GET()
    {
        const string Query = "{ hello(name: \"apq-http\") }";
        var extensions = Extensions(PersistedHash.Of(Query));

        using var missing = await _client.GetAsync(server.HttpUri + "?extensions=" + Uri.EscapeDataString(extensions));
        using var register = await PostAsync(server.HttpUri, $$"""{"query":{{JsonSerializer.Serialize(Query)}},"extensions":{{extensions}}}""");
        using var hit = await _client.GetAsync(server.HttpUri + "?extensions=" + Uri.EscapeDataString(extensions));

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await BodyAsync(missing)).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal("Hello, apq-http!", (await BodyAsync(hit)).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Persisted_query_not_found_is_a_request_error_with_graphql_response_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.HttpUri + "?extensions=" + Uri.EscapeDataString(Extensions(PersistedHash.Of("{ never }"))));
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PersistedQueryNotFound", (await BodyAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Persisted_mutation_is_still_refused_over_GET()
    {
        const string Mutation = "mutation { increment(by: 0) }";
        var extensions = Extensions(PersistedHash.Of(Mutation));
        using var register = await PostAsync(server.HttpUri, $$"""{"query":{{JsonSerializer.Serialize(Mutation)}},"extensions":{{extensions}}}""");

        using var response = await _client.GetAsync(server.HttpUri + "?extensions=" + Uri.EscapeDataString(extensions));

        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Batch_is_answered_with_an_array_in_order_and_a_bad_entry_does_not_stop_the_others()
    {
        using var response = await PostAsync(server.HttpUri, """
            [{"query":"{ hello(name: \"one\") }"},
             {"variables":{}},
             {"query":"{ nope }"},
             {"query":"query ($n: String) { hello(name: $n) }","variables":{"n":"four"}}]
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.Equal(4, body.GetArrayLength());
        Assert.Equal("Hello, one!", body[0].GetProperty("data").GetProperty("hello").GetString());
        Assert.Contains("no 'query' parameter", body[1].GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Cannot query field \"nope\" on type \"Query\".", body[2].GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("Hello, four!", body[3].GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Batch_larger_than_the_maximum_or_empty_is_refused_with_400()
    {
        var tooMany = "[" + string.Join(",", Enumerable.Repeat("""{"query":"{ hello }"}""", SampleServer.MaxBatchSize + 1)) + "]";

        using var large = await PostAsync(server.HttpUri, tooMany);
        using var empty = await PostAsync(server.HttpUri, "[]");

        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Contains($"between 1 and {SampleServer.MaxBatchSize}", (await BodyAsync(large)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Batch_is_refused_where_batching_is_not_enabled()
    {
        using var response = await PostAsync(server.StrictHttpUri, """[{"query":"{ hello }"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Batched requests are not enabled", (await BodyAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string Extensions(string hash) => $$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{hash}}}"}}""";

    private async Task<HttpResponseMessage> PostAsync(Uri uri, string json) =>
        await _client.PostAsync(uri, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
