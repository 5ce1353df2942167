using System.Net;
using System.Text;
using System.Text.Json;

namespace TaskForge.GraphQL.Tests.Transport;

/// <summary>@defer/@stream over GraphQL over HTTP: multipart/mixed when asked for, one JSON result otherwise.</summary>
public sealed class IncrementalHttpTests(SampleServer server) : IClassFixture<SampleServer>, IDisposable
{
    private const string Query = """{"query":"{ hello ... @defer { later } letters @stream(initialCount: 2) }"}""";
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Multipart_response_has_one_json_part_per_payload_and_a_closing_boundary()
    {
        using var response = await PostAsync("multipart/mixed;incrementalSpec=v0.2, application/json;q=0.9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/mixed", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\r\n-----\r\n", body, StringComparison.Ordinal);
        var parts = body[..^"\r\n-----\r\n".Length].Split("\r\n---\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split("\r\n\r\n", 2))
            .Select(p => (Headers: p[0], Json: JsonDocument.Parse(p[1]).RootElement.Clone()))
            .ToList();
        Assert.All(parts, p => Assert.Equal("Content-Type: application/json; charset=utf-8", p.Headers));
        Assert.Equal(2, parts.Count);
        var initial = parts[0].Json;
        Assert.Equal("Hello, world!", initial.GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal(["a", "b"], initial.GetProperty("data").GetProperty("letters").EnumerateArray().Select(l => l.GetString()));
        Assert.True(initial.GetProperty("hasNext").GetBoolean());
        var rest = parts[1].Json;
        Assert.False(rest.GetProperty("hasNext").GetBoolean());
        Assert.Equal(2, rest.GetProperty("incremental").GetArrayLength());
        Assert.Equal(2, rest.GetProperty("completed").GetArrayLength());
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("multipart/mixed;deferSpec=20220824, application/json")]
    public async Task Client_without_the_incremental_format_gets_the_whole_result_in_one_response(string accept)
    {
        using var response = await PostAsync(accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("multipart/mixed", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var data = json.RootElement.GetProperty("data");
        Assert.Equal("Later, later!", data.GetProperty("later").GetString());
        Assert.Equal(3, data.GetProperty("letters").GetArrayLength());
        Assert.False(json.RootElement.TryGetProperty("hasNext", out _));
    }

    [Fact]
    public async Task Nothing_deferred_after_all_is_a_plain_json_response_with_the_usual_status()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri)
        {
            Content = new StringContent("""{"query":"query ($d: Boolean!) { hello ... @defer(if: $d) { later } }","variables":{"d":"yes"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "multipart/mixed;incrementalSpec=v0.2, application/graphql-response+json");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Boolean cannot represent a non boolean value", json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_deferred_query_is_a_plain_request_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri)
        {
            Content = new StringContent("""{"query":"{ hello @stream }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("multipart/mixed");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Directive \"@stream\" cannot be used on non-list field \"Query.hello\".", json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    private async Task<HttpResponseMessage> PostAsync(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri) { Content = new StringContent(Query, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return await _client.SendAsync(request);
    }
}
