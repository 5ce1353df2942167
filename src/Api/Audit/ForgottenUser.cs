namespace TaskForge.Api.Audit;

/// <summary>
/// The record that a user was forgotten (a Marten document with the user's id): when, how many events were redacted,
/// and the tombstone that replaced their email. Their original name and email are not kept anywhere (ADR 0114).
/// </summary>
public sealed class ForgottenUser
{
    public const string TombstoneName = "Forgotten user";

    public Guid Id { get; set; }

    public DateTimeOffset ForgottenAt { get; set; }

    public string TombstoneEmail { get; set; } = "";

    public int RedactedEvents { get; set; }

    /// <summary>The email every trace of the user's email becomes: unique per user, in a reserved domain (RFC 2606).</summary>
    public static string TombstoneEmailOf(Guid userId) => $"forgotten-{userId:N}@forgotten.invalid";
}
