using System.Globalization;
using TaskForge.EventStore;

namespace TaskForge.Api.Commands.Idempotency;

/// <summary>
/// Finds what a keyed command stored, by its derived event ids. The events are the record: a key lives exactly as long
/// as its events, and there is no second table to keep consistent with the log (ADR 0050).
/// </summary>
public sealed class IdempotencyLedger(PostgresEventStore store)
{
    private const int FirstBatch = 8;

    /// <summary>The stored outcome of the command sent under <paramref name="key"/>, or null when it stored nothing.</summary>
    public async Task<StoredCommand?> FindAsync(IdempotencyKey key, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(key, 0, FirstBatch, cancellationToken);
        if (!rows.TryGetValue(0, out var first))
            return null;
        var count = int.TryParse(first.Count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
        if (count > FirstBatch)
        {
            foreach (var (index, row) in await ReadAsync(key, FirstBatch, count - FirstBatch, cancellationToken))
                rows[index] = row;
        }

        var positions = new List<long>(count);
        var version = first.Version;
        for (var i = 0; i < count && rows.TryGetValue(i, out var row); i++)
        {
            positions.Add(row.Position);
            version = Math.Max(version, row.Version);
        }

        return new StoredCommand(first.StreamId, version, positions, first.Fingerprint);
    }

    private async Task<Dictionary<int, Row>> ReadAsync(IdempotencyKey key, int from, int count, CancellationToken cancellationToken)
    {
        var indexById = Enumerable.Range(from, count).ToDictionary(key.EventId);
        var rows = new Dictionary<int, Row>();
        foreach (var stored in await store.ReadEventsByIdAsync(indexById.Keys, cancellationToken))
        {
            var headers = stored.Metadata.Headers;
            rows[indexById[stored.EventId]] = new Row(
                stored.StreamId,
                stored.Version,
                stored.Position,
                headers?.GetValueOrDefault(CommandHeaders.Fingerprint),
                headers?.GetValueOrDefault(CommandHeaders.EventCount));
        }

        return rows;
    }

    private sealed record Row(string StreamId, long Version, long Position, string? Fingerprint, string? Count);
}
