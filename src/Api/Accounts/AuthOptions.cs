namespace TaskForge.Api.Accounts;

/// <summary>Token settings (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Base64 HS256 key of at least 32 bytes. Every node of a deployment must be given the same one.</summary>
    public string? SigningKey { get; set; }

    public int AccessTokenMinutes { get; set; } = 10;

    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>How long after a refresh token was spent a retry with it still rotates (a client whose response was lost).</summary>
    public int RefreshReuseGraceSeconds { get; set; } = 30;

    /// <summary>An API key's LastUsedAt is written at most this often, not on every request.</summary>
    public int ApiKeyLastUsedResolutionSeconds { get; set; } = 60;
}
