using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using TaskForge.EventStore;

namespace TaskForge.Api.Commands.Idempotency;

/// <summary>
/// Finds what a keyed command stored, by its derived event ids. The events are the record: a key lives exactly as long
/// as its events, and there is no second table to keep consistent with the log (ADR 0050). Reads the store's events
/// table through its unique event-id index, since the store has no read-by-event-id call yet.
/// </summary>
public sealed class IdempotencyLedger(PostgresEventStore store)
{
    private const int FirstBatch = 8;

    private readonly string _sql =
        $"SELECT event_id, stream_id, version, id, metadata->'headers'->>'{CommandHeaders.Fingerprint}', " +
        $"metadata->'headers'->>'{CommandHeaders.EventCount}' FROM {store.Schema}.events WHERE event_id = ANY(@ids)";

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
        await using var command = store.DataSource.CreateCommand(_sql);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. indexById.Keys] });
        var rows = new Dictionary<int, Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows[indexById[reader.GetGuid(0)]] = new Row(
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        return rows;
    }

    private sealed record Row(string StreamId, long Version, long Position, string? Fingerprint, string? Count);
}
