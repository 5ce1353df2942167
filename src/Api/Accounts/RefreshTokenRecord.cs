using Marten.Schema;

namespace TaskForge.Api.Accounts;

/// <summary>
/// One refresh token, stored only as its SHA-256 hash (the id). Optimistic concurrency on the document makes rotation
/// a compare-and-set: of two uses of one token, one spends it and the other sees a <c>ConcurrencyException</c> (ADR 0079).
/// </summary>
[UseOptimisticConcurrency]
public sealed class RefreshTokenRecord
{
    /// <summary>The token's SHA-256 hash, lower-case hex.</summary>
    public string Id { get; set; } = "";

    public Guid FamilyId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The hash of the token this one replaced; null for the first of a family.</summary>
    public string? ParentId { get; set; }

    /// <summary>The hash of the token issued when this one was spent (replaced when a retry within the grace window gets a new one).</summary>
    public string? ChildId { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? SpentAt { get; set; }

    /// <summary>Set when a retry within the grace window superseded this (presumably undelivered) token; presenting it then is a reuse.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    [Version]
    public Guid Version { get; set; }
}
