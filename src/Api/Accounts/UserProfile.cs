namespace TaskForge.Api.Accounts;

/// <summary>What others may see of an account (never its password hash).</summary>
public sealed record UserProfile(Guid Id, string Email, string Name, DateTimeOffset CreatedAt);
