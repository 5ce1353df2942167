using Npgsql;
using NpgsqlTypes;
using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Reading;

namespace TaskForge.EventStore;

public sealed partial class PostgresEventStore
{
    private const string Columns = "id, stream_id, version, event_id, type, data::text, metadata::text, created_at";

    private readonly string _readAllSql;
    private long _pagesRead;

    /// <summary>Pages of the global log this store read (ReadAll calls), for back-pressure tests and diagnostics.</summary>
    internal long PagesRead => Interlocked.Read(ref _pagesRead);

    /// <summary>The stream's current version (0 when it has no events).</summary>
    public async Task<long> ReadStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        return await ReadStreamVersionAsync(connection, null, streamId, cancellationToken);
    }

    /// <summary>Events of one stream with <paramref name="fromVersion"/> ≤ version ≤ <paramref name="toVersion"/>, in version order.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId, long fromVersion = 1, long toVersion = long.MaxValue, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM {_eventsTable} WHERE stream_id = @stream AND version >= @from AND version <= @to ORDER BY version", connection);
        command.Parameters.Add(new NpgsqlParameter<string>("stream", NpgsqlDbType.Text) { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long>("from", NpgsqlDbType.Bigint) { TypedValue = fromVersion });
        command.Parameters.Add(new NpgsqlParameter<long>("to", NpgsqlDbType.Bigint) { TypedValue = toVersion });
        return await ReadEventsAsync(command, cancellationToken);
    }

    /// <summary>
    /// The stream as it stood at <paramref name="pointInTime"/>: the longest prefix of its events all recorded at or
    /// before that time (a prefix, so a later version recorded with an earlier clock reading never shows without its predecessors).
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsOfAsync(
        string streamId, DateTimeOffset pointInTime, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {Columns} FROM {_eventsTable}
            WHERE stream_id = @stream
              AND version < coalesce((SELECT min(version) FROM {_eventsTable} WHERE stream_id = @stream AND created_at > @at), 9223372036854775807)
            ORDER BY version
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("stream", NpgsqlDbType.Text) { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("at", NpgsqlDbType.TimestampTz) { TypedValue = pointInTime.ToUniversalTime() });
        return await ReadEventsAsync(command, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="maxCount"/> events after global event id <paramref name="afterPosition"/> in the one global
    /// order. Only events below the visibility horizon are returned (every transaction that could still write a lower
    /// id has finished), so an event that commits late is never skipped and resuming after any id is exact.
    /// </summary>
    public async Task<ReadAllPage> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAllAsync(connection, afterPosition, maxCount, cancellationToken);
    }

    /// <summary>ReadAll on the caller's connection (for projections that read and write in one transaction).</summary>
    public async Task<ReadAllPage> ReadAllAsync(NpgsqlConnection connection, long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _pagesRead);
        await using var command = new NpgsqlCommand(_readAllSql, connection);
        command.Parameters.Add(new NpgsqlParameter<long>("after", NpgsqlDbType.Bigint) { TypedValue = afterPosition });
        command.Parameters.Add(new NpgsqlParameter<int>("max", NpgsqlDbType.Integer) { TypedValue = maxCount });
        var events = new List<RecordedEvent>();
        var withheld = false;
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(0))
            {
                withheld = reader.GetBoolean(8);
                continue;
            }

            events.Add(ReadEvent(reader));
        }

        return new ReadAllPage(events, withheld);
    }

    // The horizon is computed once per statement from the statement's own snapshot. The extra row says whether
    // committed events exist at or beyond it (held back by an older open transaction) so callers re-poll soon.
    private string BuildReadAllSql() => $"""
        WITH h AS MATERIALIZED (SELECT {Schema}.visible_horizon() AS horizon)
        (SELECT {Columns}, false FROM {_eventsTable}
         WHERE id > @after AND id < (SELECT horizon FROM h)
         ORDER BY id LIMIT @max)
        UNION ALL
        SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               coalesce((SELECT max(id) FROM {_eventsTable}) >= (SELECT horizon FROM h), false)
        """;

    private async Task<long> ReadStreamVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string streamId, CancellationToken cancellationToken)
    {
        // After a failed statement the caller's transaction is aborted, so read the committed version elsewhere.
        await using var own = transaction is null ? null : await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT coalesce(max(version), 0) FROM {_eventsTable} WHERE stream_id = @stream", own ?? connection);
        command.Parameters.Add(new NpgsqlParameter<string>("stream", NpgsqlDbType.Text) { TypedValue = streamId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<IReadOnlyList<RecordedEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    private static RecordedEvent ReadEvent(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetGuid(3),
        reader.GetString(4),
        reader.GetString(5),
        MetadataJson.Deserialize(reader.GetString(6)),
        reader.GetFieldValue<DateTimeOffset>(7));
}
