using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TaskForge.GraphQL.ServerSentEvents;

namespace TaskForge.GraphQL.Tests.Transport;

/// <summary>The graphql-sse protocol on the wire: event format, reservations, refusals and keep-alive.</summary>
public sealed class SseProtocolTests(SampleServer server) : IClassFixture<SampleServer>, IDisposable
{
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Distinct_query_is_one_next_event_then_an_empty_complete_event()
    {
        using var request = Post(server.HttpUri, """{"query":"{ hello(name: \"wire\") }"}""");
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(":\n\nevent: next\ndata: {\"data\":{\"hello\":\"Hello, wire!\"}}\n\nevent: complete\ndata: \n\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("application/graphql-response+json, application/json, text/event-stream, multipart/mixed", "application/graphql-response+json")]
    [InlineData("text/event-stream, application/json", "text/event-stream")]
    [InlineData("application/json;q=0.5, text/event-stream", "text/event-stream")]
    [InlineData("text/event-stream;q=0.1, application/json", "application/json")]
    public async Task Bug_a_client_listing_JSON_before_event_streams_gets_JSON_for_a_query(string accept, string expected)
    {
        using var request = Post(server.HttpUri, """{"query":"{ hello(name: \"wire\") }"}""");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Hello, wire!", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutation_over_GET_is_refused_with_405_before_any_stream()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.HttpUri + "?query=" + Uri.EscapeDataString("mutation { increment }"));
        request.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Host_failure_before_the_stream_is_a_masked_500()
    {
        using var request = Post(server.HttpUri, """{"query":"{ hello }"}""");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("X-Explode", "1");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Unexpected error.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_token_gets_404_and_a_second_stream_for_one_reservation_gets_409()
    {
        using var unknown = await _client.SendAsync(StreamRequest("no-such-token"));
        var token = await ReserveAsync(server.HttpUri);
        using var first = await _client.SendAsync(StreamRequest(token), HttpCompletionOption.ResponseHeadersRead);
        using var second = await _client.SendAsync(StreamRequest(token));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Operation_on_a_reservation_needs_an_operation_id_and_a_valid_document()
    {
        var token = await ReserveAsync(server.HttpUri);
        using var noId = Post(server.HttpUri, """{"query":"{ hello }"}""");
        noId.Headers.Add(GraphQLSseHandler.TokenHeader, token);
        using var invalid = Post(server.HttpUri, """{"query":"{ nope }","extensions":{"operationId":"1"}}""");
        invalid.Headers.Add(GraphQLSseHandler.TokenHeader, token);
        invalid.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var valid = Post(server.HttpUri, """{"query":"{ hello }","extensions":{"operationId":"2"}}""");
        valid.Headers.Add(GraphQLSseHandler.TokenHeader, token);

        using var noIdResponse = await _client.SendAsync(noId);
        using var invalidResponse = await _client.SendAsync(invalid);
        using var validResponse = await _client.SendAsync(valid);

        Assert.Equal(HttpStatusCode.BadRequest, noIdResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalidResponse.StatusCode);
        Assert.Contains("Cannot query field", await invalidResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, validResponse.StatusCode);
    }

    [Fact]
    public async Task Idle_stream_gets_keep_alive_comments_and_queued_results_arrive_once_it_opens()
    {
        var token = await ReserveAsync(server.StrictHttpUri);
        using var operation = Post(server.StrictHttpUri, """{"query":"{ hello(name: \"queued\") }","extensions":{"operationId":"q"}}""");
        operation.Headers.Add(GraphQLSseHandler.TokenHeader, token);
        using var accepted = await _client.SendAsync(operation);
        using var response = await _client.SendAsync(StreamRequest(token, server.StrictHttpUri), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var lines = new List<string>();
        while (lines.Count(l => l == ":") < 3)
        {
            lines.Add(await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? throw new EndOfStreamException());
        }

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Contains("data: {\"id\":\"q\",\"payload\":{\"data\":{\"hello\":\"Hello, queued!\"}}}", lines);
        Assert.Contains("data: {\"id\":\"q\"}", lines);
    }

    private async Task<string> ReserveAsync(Uri uri)
    {
        using var response = await _client.PutAsync(uri, null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private HttpRequestMessage StreamRequest(string token, Uri? uri = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri ?? server.HttpUri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add(GraphQLSseHandler.TokenHeader, token);
        return request;
    }

    private static HttpRequestMessage Post(Uri uri, string json) =>
        new(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
