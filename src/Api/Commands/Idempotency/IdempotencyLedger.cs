using System.Globalization;
using JasperFx.Events;
using Marten;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Commands.Idempotency;

/// <summary>
/// Finds what a command stored, by its event ids (derived from an idempotency key, or the ids of an append whose answer
/// was lost). The events are the record: a key lives exactly as long as its events, and there is no second table to
/// keep consistent with the log (ADR 0050). Marten's unique index on event ids makes the lookup one index probe.
/// </summary>
internal static class IdempotencyLedger
{
    private const int FirstBatch = 8;

    /// <summary>The stored outcome of the command sent under <paramref name="key"/>, or null when it stored nothing.</summary>
    public static async Task<StoredCommand?> FindAsync(IQuerySession session, IdempotencyKey key, CancellationToken cancellationToken)
    {
        var first = await ReadAsync(session, [.. Enumerable.Range(0, FirstBatch).Select(key.EventId)], cancellationToken);
        if (first.Count == 0 || first[0].Id != key.EventId(0))
            return null;
        var count = int.TryParse(first[0].Header(EventHeaders.EventCount), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        var stored = count <= FirstBatch
            ? first
            : [.. first, .. await ReadAsync(session, [.. Enumerable.Range(FirstBatch, count - FirstBatch).Select(key.EventId)], cancellationToken)];
        return Describe(stored.Take(count).ToList(), first[0].Header(EventHeaders.Fingerprint));
    }

    /// <summary>The stored events with these ids, in the ids' order, or null when none is stored.</summary>
    public static async Task<StoredCommand?> FindAsync(IQuerySession session, IReadOnlyList<Guid> eventIds, CancellationToken cancellationToken)
    {
        var stored = await ReadAsync(session, eventIds, cancellationToken);
        return stored.Count == 0 ? null : Describe(stored, stored[0].Header(EventHeaders.Fingerprint));
    }

    private static StoredCommand Describe(IReadOnlyList<IEvent> events, string? fingerprint) =>
        new(events[0].StreamKey!, events.Max(e => e.Version), [.. events.Select(e => e.Sequence)], fingerprint);

    // In the order of the ids asked for, stopping at the first id not stored (a command's events are stored all or none).
    private static async Task<List<IEvent>> ReadAsync(IQuerySession session, Guid[] ids, CancellationToken cancellationToken)
    {
        var found = (await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken)).ToDictionary(e => e.Id);
        var ordered = new List<IEvent>(found.Count);
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var e))
                break;
            ordered.Add(e);
        }

        return ordered;
    }

    private static Task<List<IEvent>> ReadAsync(IQuerySession session, IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        ReadAsync(session, ids as Guid[] ?? [.. ids], cancellationToken);
}
