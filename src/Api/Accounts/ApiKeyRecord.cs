namespace TaskForge.Api.Accounts;

/// <summary>An API key as stored: its public prefix (unique) and the SHA-256 hash of the whole key.</summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole key, lower-case hex.</summary>
    public string KeyHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public ApiKeyInfo ToInfo() => new(Id, Name, Prefix, CreatedAt, LastUsedAt, RevokedAt);
}
