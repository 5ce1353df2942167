namespace TaskForge.Api.Commands.Idempotency;

/// <summary>Event metadata headers the command path writes.</summary>
public static class CommandHeaders
{
    public const string CommandType = "command-type";

    /// <summary>The <see cref="CommandFingerprint"/> of a keyed command, on each of its events.</summary>
    public const string Fingerprint = "command-fingerprint";

    /// <summary>How many events the keyed command appended, so a replay can find them all.</summary>
    public const string EventCount = "command-event-count";
}
