namespace TaskForge.EventStore.Appending;

/// <summary>
/// Where appended events landed: the stream's version after them and their global event ids (positions).
/// <see cref="AlreadyStored"/> is true when every event id was stored before and nothing was written.
/// </summary>
public sealed record AppendResult(string StreamId, long StreamVersion, IReadOnlyList<long> Positions, bool AlreadyStored)
{
    public long LastPosition => Positions.Count == 0 ? 0 : Positions[^1];
}
