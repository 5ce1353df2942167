namespace TaskForge.Api.Accounts;

/// <summary>
/// The chain of refresh tokens that one sign-in rotates through. Revoking it (logout, a detected reuse) kills every token
/// in it at once, including one a concurrent rotation is writing right now: each use checks the family (ADR 0079).
/// </summary>
public sealed class RefreshTokenFamily
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary><c>logout</c>, <c>logout everywhere</c>, <c>reuse</c> or <c>password changed</c>.</summary>
    public string? RevokedReason { get; set; }
}
