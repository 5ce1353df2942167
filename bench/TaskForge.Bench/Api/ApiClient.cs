using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace TaskForge.Bench.Api;

/// <summary>GraphQL over HTTP for the load generator: one pooled HttpClient, a bearer token per call.</summary>
internal sealed class ApiClient(Uri address) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>data of the answer; throws with the body when it has errors (or a mutation payload reports some).</summary>
    public async Task<JsonElement> PostAsync(string? token, string query, object? variables = null, string? payloadField = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var root = JsonDocument.Parse(body).RootElement;
        if (!response.IsSuccessStatusCode || root.TryGetProperty("errors", out _))
            throw new InvalidOperationException($"GraphQL request failed ({(int)response.StatusCode}): {body}");
        var data = root.GetProperty("data").Clone();
        if (payloadField is not null && data.GetProperty(payloadField).GetProperty("errors").GetArrayLength() > 0)
            throw new InvalidOperationException($"{payloadField} failed: {body}");
        return data;
    }

    public void Dispose() => _http.Dispose();
}
