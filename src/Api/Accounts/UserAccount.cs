namespace TaskForge.Api.Accounts;

/// <summary>An account, stored as a Marten document. <see cref="Email"/> is normalized and unique (a unique index, ADR 0078).</summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public UserProfile ToProfile() => new(Id, Email, Name, CreatedAt);
}
