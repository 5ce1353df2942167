namespace TaskForge.Api.Accounts;

/// <summary>A new API key: <see cref="Key"/> is shown this once; only its hash is stored.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);
