using JasperFx.Events;
using Marten;

namespace TaskForge.Storage.EventLog;

/// <summary>Reads the log in its one global order, never past the certified <see cref="HighWaterMark"/>.</summary>
public sealed class EventLogReader(IDocumentStore store, HighWaterMark highWaterMark)
{
    /// <summary>
    /// Up to <paramref name="limit"/> events with a sequence number above <paramref name="after"/> and at or below the
    /// high-water mark, in sequence order. An empty page means: nothing certified yet after that point.
    /// </summary>
    public async Task<EventLogPage> ReadAsync(long after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var mark = await highWaterMark.ReadAsync(cancellationToken);
        if (mark <= after)
            return new EventLogPage([], mark);
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= mark)
            .OrderBy(e => e.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return new EventLogPage(events, mark);
    }
}

/// <summary>A page of the log and the high-water mark it was bounded by.</summary>
public sealed record EventLogPage(IReadOnlyList<IEvent> Events, long HighWaterMark);
