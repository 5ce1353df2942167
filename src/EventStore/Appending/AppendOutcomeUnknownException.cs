namespace TaskForge.EventStore.Appending;

/// <summary>
/// The connection broke after the append was sent: it may or may not have committed. The store never retries
/// this itself; retrying with the same event ids is safe because appends are idempotent per event id.
/// </summary>
public sealed class AppendOutcomeUnknownException(string streamId, Exception inner)
    : Exception($"The outcome of the append to '{streamId}' is unknown (the connection failed after it was sent). Retry with the same event ids.", inner)
{
    public string StreamId { get; } = streamId;
}
