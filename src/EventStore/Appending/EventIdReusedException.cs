namespace TaskForge.EventStore.Appending;

/// <summary>Some, but not all, of an append's event ids are already stored, or they belong to another stream's events.</summary>
public sealed class EventIdReusedException(string streamId, string detail)
    : Exception($"Append to '{streamId}' reuses stored event ids inconsistently: {detail}")
{
    public string StreamId { get; } = streamId;
}
