using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime.Hub;

/// <summary>What one hub connection holds: its subscriptions, its subscribe rate limiter, the timer of its token's expiry.</summary>
internal sealed class ConnectionState : IAsyncDisposable
{
    public const string Key = "taskforge.realtime";

    public ConcurrentDictionary<string, Subscription> Subscriptions { get; } = new(StringComparer.Ordinal);

    public TokenBucketRateLimiter SubscribeLimiter { get; } = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 10,
        TokensPerPeriod = 10,
        ReplenishmentPeriod = TimeSpan.FromSeconds(10),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    public ITimer? Expiry { get; set; }

    public async ValueTask DisposeAsync()
    {
        Expiry?.Dispose();
        foreach (var subscription in Subscriptions.Values)
            await subscription.DisposeAsync();
        Subscriptions.Clear();
        SubscribeLimiter.Dispose();
    }
}
