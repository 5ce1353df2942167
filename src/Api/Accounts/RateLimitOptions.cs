namespace TaskForge.Api.Accounts;

/// <summary>Rate limits (configuration section <c>RateLimits</c>): a token bucket per signed-in user, else per client IP.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per minute for a signed-in user (JWT or API key).</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>Sustained requests per minute for an anonymous client IP.</summary>
    public int AnonymousPermitsPerMinute { get; set; } = 300;

    /// <summary>How many requests a client may make at once before the sustained rate applies (the bucket's size).</summary>
    public int Burst { get; set; } = 50;
}
