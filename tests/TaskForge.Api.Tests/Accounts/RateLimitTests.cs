using System.Net;
using System.Text.Json;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Accounts;

public sealed class RateLimitTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly Uri Anything = new("/auth/me", UriKind.Relative);

    internal static Dictionary<string, string?> TinyLimits(string? redis = null) => new()
    {
        ["RateLimits:PermitsPerMinute"] = "1",
        ["RateLimits:AnonymousPermitsPerMinute"] = "1",
        ["RateLimits:Burst"] = "3",
        ["ConnectionStrings:Redis"] = redis,
    };

    [Fact]
    public async Task Past_the_burst_a_client_gets_429_with_Retry_After_and_RATE_LIMITED_while_health_is_not_limited()
    {
        await using var host = new AccountsHost(database.ConnectionString, TinyLimits());
        using var client = host.Client();

        var allowed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetAsync(Anything)));
        var rejected = await client.GetAsync(Anything);
        var health = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetAsync(new Uri("/health/live", UriKind.Relative))));

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        await AssertRateLimitedAsync(rejected);
        Assert.All(health, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task A_signed_in_user_has_a_bucket_of_their_own_apart_from_the_IP()
    {
        await using var host = new AccountsHost(database.ConnectionString, TinyLimits());
        var signedIn = await host.RegisterAsync();
        using var anonymous = host.Client();
        using var user = host.Client(bearer: signedIn.AccessToken);
        for (var i = 0; i < 3; i++)
            await anonymous.GetAsync(Anything);

        var anonymousAgain = await anonymous.GetAsync(Anything);
        var asUser = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => user.GetAsync(Anything)));
        var userAgain = await user.GetAsync(Anything);

        Assert.Equal(HttpStatusCode.TooManyRequests, anonymousAgain.StatusCode);
        Assert.All(asUser, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await AssertRateLimitedAsync(userAgain);
    }

    internal static async Task AssertRateLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("RATE_LIMITED", body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
