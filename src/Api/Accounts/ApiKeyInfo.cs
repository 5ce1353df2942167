namespace TaskForge.Api.Accounts;

/// <summary>An API key as its owner may list it: <see cref="Prefix"/> identifies it, the secret is never shown again.</summary>
public sealed record ApiKeyInfo(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
