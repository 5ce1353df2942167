namespace TaskForge.Api.Commands;

/// <summary>Codes the command path adds to the domain's <see cref="TaskForge.Domain.ErrorCodes"/>.</summary>
public static class CommandErrorCodes
{
    /// <summary>The idempotency key was used before, by this actor, for a different command.</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>The event store could not be reached, or an append's outcome stayed unknown after a safe retry.</summary>
    public const string Unavailable = "UNAVAILABLE";
}
