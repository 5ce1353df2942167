using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>The API with one browser origin besides its own allowed (<c>Cors:Origins</c>).</summary>
public sealed class AllowedOriginFixture : ApiHostFixture
{
    public const string Allowed = "https://app.example.com";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cors:Origins:0"] = Allowed };
}

/// <summary>
/// The hub's handshake checks <c>Origin</c> (a browser's cross-site WebSocket is not subject to CORS): the API's own origin
/// and <c>Cors:Origins</c> connect, any other gets 403 at negotiate and at the WebSocket connect, whatever token it carries.
/// </summary>
public sealed class HubOriginTests(AllowedOriginFixture fixture) : IClassFixture<AllowedOriginFixture>
{
    private const string Foreign = "https://evil.example.net";

    [Fact]
    public async Task A_foreign_origin_gets_403_at_negotiate_even_with_a_valid_token()
    {
        var user = await fixture.SignUpAsync("foreign");
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(user.AccessToken!, Foreign));
        // A look-alike of the allowed origin is not it.
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(user.AccessToken!, AllowedOriginFixture.Allowed + ".evil.example.net"));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync(user.AccessToken!, "null"));

        await using var connection = LongPolling(user.AccessToken!, Foreign);
        var failure = await Assert.ThrowsAnyAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
    }

    [Fact]
    public async Task A_foreign_origin_cannot_open_the_WebSocket_even_with_a_valid_token()
    {
        var user = await fixture.SignUpAsync("foreign");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(fixture.Factory.Server, user.AccessToken!, Foreign));
        Assert.Contains("403", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configured_origin_and_the_API_s_own_origin_connect_and_subscribe()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(owner.AccessToken!, AllowedOriginFixture.Allowed));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(owner.AccessToken!, "http://localhost"));

        await using (var polling = LongPolling(owner.AccessToken!, AllowedOriginFixture.Allowed))
        {
            await polling.StartAsync();
            var subscribed = await polling.InvokeAsync<System.Text.Json.JsonElement>("Subscribe", new { scopes = new[] { $"workspace:{workspace}" }, after = (string?)null });
            Assert.False(string.IsNullOrEmpty(subscribed.GetProperty("subscriptionId").GetString()));
        }

        foreach (var origin in new[] { AllowedOriginFixture.Allowed, "http://localhost" })
        {
            await using var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!, origin);
            var subscribed = await client.SubscribeAsync([$"workspace:{workspace}"], null);
            Assert.False(string.IsNullOrEmpty(subscribed.GetProperty("subscriptionId").GetString()));
        }
    }

    [Fact]
    public async Task Bug_a_browser_on_the_configured_origin_may_send_the_SignalR_client_s_headers_to_negotiate()
    {
        // @microsoft/signalr in a browser sends X-Requested-With and X-SignalR-User-Agent with negotiate (and long polling):
        // a preflight that refuses them keeps every cross-origin browser client from connecting at all.
        using var http = fixture.Factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/hubs/events/negotiate?negotiateVersion=1");
        preflight.Headers.Add("Origin", AllowedOriginFixture.Allowed);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,x-requested-with,x-signalr-user-agent");
        using var response = await http.SendAsync(preflight);
        Assert.True(response.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowOrigin), response.ToString());
        Assert.Equal(AllowedOriginFixture.Allowed, Assert.Single(allowOrigin));
        Assert.True(response.Headers.TryGetValues("Access-Control-Allow-Headers", out var allowHeaders), response.ToString());
        var allowed = allowHeaders.SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("X-Requested-With", allowed);
        Assert.Contains("X-SignalR-User-Agent", allowed);
        Assert.Contains("Authorization", allowed);
    }

    private async Task<HttpStatusCode> NegotiateAsync(string accessToken, string origin)
    {
        using var http = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/events/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("Origin", origin);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A client that negotiates (with the Origin header on every request) and long-polls through the test server.</summary>
    private HubConnection LongPolling(string accessToken, string origin) => new HubConnectionBuilder()
        .WithUrl(new Uri(fixture.Factory.Server.BaseAddress, "/hubs/events"), options =>
        {
            options.Transports = HttpTransportType.LongPolling;
            options.HttpMessageHandlerFactory = _ => fixture.Factory.Server.CreateHandler();
            options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            options.Headers["Origin"] = origin;
        })
        .Build();
}
