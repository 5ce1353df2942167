using System.Net;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Accounts;

public sealed class RedisRateLimitTests(PostgresDatabaseFixture database, RedisServerFixture redis)
    : IClassFixture<PostgresDatabaseFixture>, IClassFixture<RedisServerFixture>
{
    private static readonly Uri Anything = new("/auth/me", UriKind.Relative);

    [Fact]
    public async Task Two_hosts_on_one_Redis_share_the_bucket_of_a_client()
    {
        await using var first = new AccountsHost(database.ConnectionString, RateLimitTests.TinyLimits(redis.ConnectionString));
        await using var second = new AccountsHost(database.ConnectionString, RateLimitTests.TinyLimits(redis.ConnectionString));
        using var a = first.Client();
        using var b = second.Client();

        // The burst is 3: two requests on the first node and one on the second take it all.
        var allowed = new[] { await a.GetAsync(Anything), await b.GetAsync(Anything), await a.GetAsync(Anything) };
        var rejectedOnSecond = await b.GetAsync(Anything);
        var rejectedOnFirst = await a.GetAsync(Anything);

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        await RateLimitTests.AssertRateLimitedAsync(rejectedOnSecond);
        await RateLimitTests.AssertRateLimitedAsync(rejectedOnFirst);
    }
}
