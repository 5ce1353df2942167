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

    /// <summary>Presence scopes (canonical keys) this connection is in, and tasks it says it is typing in.</summary>
    public ConcurrentDictionary<string, Scope> Presence { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<Guid, TypingIndicator> Typing { get; } = new();

    /// <summary>JoinPresence, LeavePresence and Typing calls: a typing indicator is sent at most a few times a second.</summary>
    public TokenBucketRateLimiter PresenceLimiter { get; } = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 30,
        TokensPerPeriod = 30,
        ReplenishmentPeriod = TimeSpan.FromSeconds(10),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    public ITimer? Expiry { get; set; }

    /// <summary>When <see cref="Expiry"/> closes the connection: its token's expiry, moved on by a <c>RefreshToken</c>.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>The name presence and typing show, from the latest token given by <c>RefreshToken</c> (null: the connect's).</summary>
    public string? DisplayName { get; set; }

    public async ValueTask DisposeAsync()
    {
        Expiry?.Dispose();
        foreach (var typing in Typing.Values)
            typing.Dispose();
        foreach (var subscription in Subscriptions.Values)
            await subscription.DisposeAsync();
        Subscriptions.Clear();
        SubscribeLimiter.Dispose();
        PresenceLimiter.Dispose();
    }
}
