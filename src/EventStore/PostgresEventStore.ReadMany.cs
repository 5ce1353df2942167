using Npgsql;
using NpgsqlTypes;
using TaskForge.EventStore.Reading;

namespace TaskForge.EventStore;

public sealed partial class PostgresEventStore
{
    /// <summary>
    /// Several streams in one round trip, each from its own version on (for a command that folds its target and
    /// the streams it decides with). Every requested stream is in the result, empty when it has no such events.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<RecordedEvent>>> ReadStreamsAsync(
        IReadOnlyList<StreamSlice> slices, CancellationToken cancellationToken = default)
    {
        if (slices.Select(s => s.StreamId).Distinct(StringComparer.Ordinal).Count() != slices.Count)
        {
            throw new ArgumentException("Each stream may be read once per call.", nameof(slices));
        }

        var result = slices.ToDictionary(s => s.StreamId, _ => (IReadOnlyList<RecordedEvent>)new List<RecordedEvent>(), StringComparer.Ordinal);
        if (slices.Count == 0)
        {
            return result;
        }

        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT e.id, e.stream_id, e.version, e.event_id, e.type, e.data::text, e.metadata::text, e.created_at
            FROM unnest(@streams, @froms) AS s(stream_id, from_version)
            JOIN {_eventsTable} e ON e.stream_id = s.stream_id AND e.version >= s.from_version
            ORDER BY e.stream_id, e.version
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. slices.Select(s => s.StreamId)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("froms", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. slices.Select(s => s.FromVersion)] });
        foreach (var recorded in await ReadEventsAsync(command, cancellationToken))
        {
            ((List<RecordedEvent>)result[recorded.StreamId]).Add(recorded);
        }

        return result;
    }

    /// <summary>The stored events with these event ids (in global order); ids that are not stored are left out.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadEventsByIdAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM {_eventsTable} WHERE event_id = ANY(@ids) ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. eventIds] });
        return await ReadEventsAsync(command, cancellationToken);
    }
}
