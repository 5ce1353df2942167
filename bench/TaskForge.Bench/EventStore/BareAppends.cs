using Marten;
using TaskForge.Domain.Tasks;
using TaskForge.Storage.Events;

namespace TaskForge.Bench.EventStore;

/// <summary>Bare Marten appends: a session per append, an exact expected version, streams of 20 events like edits of one task.</summary>
internal sealed class BareAppends(IDocumentStore store, int clients)
{
    private readonly long[] _streams = new long[clients];
    private readonly string _prefix = "task-" + Guid.NewGuid().ToString("N")[..8] + "-";
    private long _sequence;

    public async Task<int> AppendAsync(int client, long i, int events = 1)
    {
        if (events == 1 && i % 20 == 0 || events > 1)
            _streams[client] = Interlocked.Increment(ref _sequence);
        var version = events == 1 ? i % 20 : 0;
        await using var session = store.LightweightSession();
        session.Events.Append(_prefix + _streams[client], version + events, [.. Enumerable.Range(0, events).Select(n => Event(n))]);
        await session.SaveChangesAsync();
        return events;
    }

    private static object Event(int n)
    {
        var e = EventEnvelope.Wrap(new TaskEvent.TaskRenamed(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), $"Write the quarterly report, draft {n}"));
        e.SetHeader(EventHeaders.ActorId, "2f0c6a8e-3f51-4a43-9c52-0c1a2b3c4d5e");
        e.SetHeader(EventHeaders.OccurredAt, DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return e;
    }
}
