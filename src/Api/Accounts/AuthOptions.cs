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

    /// <summary>Sign-in attempts allowed per email address in <see cref="LoginAttemptWindowSeconds"/> (ADR 0132).</summary>
    public int LoginAttemptLimit { get; set; } = 10;

    /// <summary>The window of <see cref="LoginAttemptLimit"/>, from the first attempt; after the limit, sign-in waits for its end.</summary>
    public int LoginAttemptWindowSeconds { get; set; } = 900;

    /// <summary>An API key's LastUsedAt is written at most this often, not on every request.</summary>
    public int ApiKeyLastUsedResolutionSeconds { get; set; } = 60;
}
