using System.Globalization;
using Marten;
using TaskForge.Domain.Tasks;
using TaskForge.Storage.Events;

namespace TaskForge.Bench.EventStore;

/// <summary>
/// Bare Marten appends: a session per append, an exact expected version, streams of 20 events like edits of one task.
/// Each stream's events share one body, as a command's events carry the ids of what it changes rather than fresh ones,
/// and the raw INSERT baseline writes one constant JSON; the time header is read once per append, as a command reads
/// its clock once. Event ids are time-ordered (UUIDv7) as the command path makes them for commands without an idempotency
/// key, so the unique index on ids takes its inserts at its right edge.
/// </summary>
internal sealed class BareAppends(IDocumentStore store, int clients)
{
    private const string Actor = "2f0c6a8e-3f51-4a43-9c52-0c1a2b3c4d5e";
    private static readonly Guid Workspace = Guid.Parse("1d0c6a8e-3f51-4a43-9c52-0c1a2b3c4d5e");
    private static readonly Guid Project = Guid.Parse("5e0c6a8e-3f51-4a43-9c52-0c1a2b3c4d5e");
    private readonly long[] _streams = new long[clients];
    private readonly TaskEvent.TaskRenamed[] _bodies = new TaskEvent.TaskRenamed[clients];
    private readonly string _prefix = "task-" + Guid.NewGuid().ToString("N")[..8] + "-";
    private long _sequence;

    public async Task<int> AppendAsync(int client, long i, int events = 1)
    {
        if (events == 1 && i % 20 == 0 || events > 1)
        {
            _streams[client] = Interlocked.Increment(ref _sequence);
            _bodies[client] = new TaskEvent.TaskRenamed(Guid.NewGuid(), Workspace, Project, "Write the quarterly report, draft");
        }

        var version = events == 1 ? i % 20 : 0;
        var at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var body = _bodies[client];
        await using var session = store.LightweightSession();
        session.Events.Append(_prefix + _streams[client], version + events, [.. Enumerable.Range(0, events).Select(_ => Event(body, at))]);
        await session.SaveChangesAsync();
        return events;
    }

    private static object Event(TaskEvent.TaskRenamed body, string at)
    {
        var e = EventEnvelope.Wrap(body, Guid.CreateVersion7());
        e.SetHeader(EventHeaders.ActorId, Actor);
        e.SetHeader(EventHeaders.OccurredAt, at);
        return e;
    }
}
