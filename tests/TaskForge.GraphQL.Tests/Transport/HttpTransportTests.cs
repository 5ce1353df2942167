using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace TaskForge.GraphQL.Tests.Transport;

/// <summary>GraphQL over HTTP against a Kestrel sample server: status codes, media types and malformed input.</summary>
public sealed class HttpTransportTests(SampleServer server) : IClassFixture<SampleServer>, IDisposable
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private readonly HttpClient _client = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Post_query_answers_200_with_data_in_application_json_by_default()
    {
        using var response = await PostAsync("""{"query":"{ hello }"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("Hello, world!", (await BodyAsync(response)).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task Post_with_variables_and_operation_name_runs_the_named_operation()
    {
        using var response = await PostAsync(
            """{"query":"query A { hello } query B($n: String) { hello(name: $n) }","operationName":"B","variables":{"n":"Ada"}}""",
            accept: GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Hello, Ada!", (await BodyAsync(response)).GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Syntax_error_status_depends_on_the_media_type_and_there_is_no_data(string accept, HttpStatusCode status)
    {
        using var response = await PostAsync("""{"query":"{ hello "}""", accept);

        Assert.Equal(status, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Contains("Syntax Error", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Validation_error_status_depends_on_the_media_type(string accept, HttpStatusCode status)
    {
        using var response = await PostAsync("""{"query":"{ nope }"}""", accept);

        Assert.Equal(status, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Contains("nope", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Variable_coercion_error_status_depends_on_the_media_type(string accept, HttpStatusCode status)
    {
        using var response = await PostAsync("""{"query":"mutation($by: Int) { increment(by: $by) }","variables":{"by":"two"}}""", accept);

        Assert.Equal(status, response.StatusCode);
        Assert.False((await BodyAsync(response)).TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Get_runs_queries_with_url_parameters()
    {
        var uri = $"{server.HttpUri}?query={Uri.EscapeDataString("query($n: String) { hello(name: $n) }")}&variables={Uri.EscapeDataString("""{"n":"GET"}""")}";

        using var response = await _client.GetAsync(new Uri(uri));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, GET!", (await BodyAsync(response)).GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("variables", "{not json", "'variables' URL parameter is not valid JSON")]
    [InlineData("variables", "[1]", "'variables' URL parameter must be a JSON object")]
    [InlineData("extensions", "\"x\"", "'extensions' URL parameter must be a JSON object")]
    public async Task Get_with_malformed_json_parameters_gets_400(string parameter, string value, string expected)
    {
        var uri = $"{server.HttpUri}?query={Uri.EscapeDataString("{ hello }")}&{parameter}={Uri.EscapeDataString(value)}";

        using var response = await _client.GetAsync(new Uri(uri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await BodyAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_without_query_gets_400()
    {
        using var response = await _client.GetAsync(server.HttpUri);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_refuses_mutations_with_405_and_an_allow_header()
    {
        var uri = $"{server.HttpUri}?query={Uri.EscapeDataString("mutation { increment }")}";

        using var response = await _client.GetAsync(new Uri(uri));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Other_methods_get_405_with_get_and_post_allowed()
    {
        using var response = await _client.PatchAsync(server.HttpUri, Json("""{"query":"{ hello }"}"""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData("""{"query":"{ hello }" """, "not valid JSON")]
    [InlineData(""" "query" """, "must be a JSON object")]
    [InlineData("""{"notquery":"{ hello }"}""", "no 'query' parameter")]
    [InlineData("""{"query":42}""", "'query' parameter must be a string")]
    [InlineData("""{"query":"{ hello }","variables":"{}"}""", "'variables' parameter must be an object")]
    [InlineData("""{"query":"{ hello }","operationName":7}""", "'operationName' parameter must be a string")]
    [InlineData("""{"query":"{ hello }","extensions":[1]}""", "'extensions' parameter must be an object")]
    [InlineData("", "request body is empty")]
    public async Task Malformed_requests_get_400_with_a_message_naming_the_problem(string body, string expected)
    {
        using var response = await PostAsync(body, GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await BodyAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Unsupported_content_types_get_415(string contentType)
    {
        using var content = new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await _client.PostAsync(server.HttpUri, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_without_content_type_gets_415()
    {
        using var content = new ByteArrayContent("""{"query":"{ hello }"}"""u8.ToArray());

        using var response = await _client.PostAsync(server.HttpUri, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Unacceptable_accept_header_gets_406()
    {
        using var response = await PostAsync("""{"query":"{ hello }"}""", accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json, application/graphql-response+json", "application/json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json", GraphQLResponse)]
    [InlineData("*/*", "application/json")]
    public async Task Accept_negotiation_picks_the_preferred_type(string accept, string mediaType)
    {
        using var response = await PostAsync("""{"query":"{ hello }"}""", accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Body_over_the_limit_gets_413()
    {
        var padding = new string(' ', SampleServer.MaxRequestBodyBytes);
        using var response = await PostAsync($$"""{"query":"{ hello }{{padding}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Context_factory_can_refuse_a_request_with_its_status_code()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri) { Content = Json("""{"query":"{ hello }"}""") };
        request.Headers.Add("X-Deny", "1");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Requests with X-Deny are refused.", (await BodyAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unexpected_host_failure_is_a_masked_500_with_the_trace_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri) { Content = Json("""{"query":"{ hello }"}""") };
        request.Headers.Add("X-Explode", "1");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = (await BodyAsync(response)).GetProperty("errors")[0];
        Assert.Equal("Unexpected error.", error.GetProperty("message").GetString());
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("extensions").GetProperty("traceId").GetString()));
        Assert.DoesNotContain("secret detail", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscriptions_are_refused_over_plain_http()
    {
        using var response = await PostAsync("""{"query":"subscription { ticks }"}""", GraphQLResponse);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", (await BodyAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.GatewayTimeout)]
    [InlineData("application/json", HttpStatusCode.OK)]
    public async Task Execution_timeout_is_an_error_without_data(string accept, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.StrictHttpUri) { Content = Json("""{"query":"{ slow }"}""") };
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await _client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.False(body.TryGetProperty("data", out _));
        Assert.Equal("EXECUTION_TIMEOUT", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Mutations_run_over_post()
    {
        using var first = await PostAsync("""{"query":"mutation { increment(by: 5) }"}""");
        using var second = await PostAsync("""{"query":"mutation { increment(by: 5) }"}""");

        var a = (await BodyAsync(first)).GetProperty("data").GetProperty("increment").GetInt32();
        var b = (await BodyAsync(second)).GetProperty("data").GetProperty("increment").GetInt32();
        Assert.Equal(a + 5, b);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri) { Content = Json(body) };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await _client.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
