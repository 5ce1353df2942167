using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TaskForge.Api.Tests.GraphQL.Support;

/// <summary>Posts GraphQL requests to /graphql as one user (or anonymously), as a web client would.</summary>
public sealed class GraphQLClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public string? UserId { get; private set; }

    public string? Email { get; private set; }

    public string? AccessToken { get; private set; }

    public void SignIn(string accessToken, string userId, string email)
    {
        AccessToken = accessToken;
        UserId = userId;
        Email = email;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    public Task<GraphQLResponse> QueryAsync(string query, object? variables = null, long? minEventId = null) => PostAsync(query, variables, minEventId);

    public Task<GraphQLResponse> MutateAsync(string query, object? variables = null) => PostAsync(query, variables, null);

    public async Task<GraphQLResponse> PostAsync(string query, object? variables, long? minEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (minEventId is { } id)
        {
            request.Headers.Add("X-Min-Event-Id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    public void Dispose() => http.Dispose();
}

/// <summary>An answer: status, parsed body, and helpers that fail the test with the whole body when something is off.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, JsonElement Body, string Text)
{
    public bool HasErrors => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out _);

    /// <summary>data.field, asserting the response has no errors.</summary>
    public JsonElement Data(string field)
    {
        Assert.False(HasErrors, Text);
        return Body.GetProperty("data").GetProperty(field);
    }

    /// <summary>The mutation payload under data.field, asserting it reports no errors either.</summary>
    public JsonElement Payload(string field)
    {
        var payload = Data(field);
        Assert.True(payload.GetProperty("errors").GetArrayLength() == 0, Text);
        return payload;
    }

    public string ErrorCode(int index = 0) => Body.GetProperty("errors")[index].GetProperty("extensions").GetProperty("code").GetString()!;
}
