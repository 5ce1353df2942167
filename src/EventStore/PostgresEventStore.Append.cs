using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Telemetry;

namespace TaskForge.EventStore;

public sealed partial class PostgresEventStore
{
    private const string StreamVersionIndex = "events_stream_version";
    private const string EventIdIndex = "events_event_id";
    private const int RowInserted = 0;
    private const int RowAlreadyStored = 1;
    private const int RowCurrentVersion = 2;
    private const int MaxAnyRetries = 10;

    private readonly string _appendSql;

    /// <summary>
    /// Appends events to a stream in one statement and one round trip (its own transaction). A stale
    /// <paramref name="expected"/> version throws <see cref="WrongExpectedVersionException"/> and writes nothing.
    /// Appending event ids that are all stored already returns their stored positions and writes nothing.
    /// </summary>
    public async Task<AppendResult> AppendAsync(
        string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
                return await AppendAsync(connection, null, streamId, expected, events, cancellationToken);
            }
            catch (WrongExpectedVersionException) when (expected.IsAny && attempt < MaxAnyRetries)
            {
                // "Any" has no expectation to violate: a concurrent writer took the next version first, so try again.
            }
        }
    }

    /// <summary>
    /// Appends inside the caller's transaction (for writes that must commit atomically with the events).
    /// Nothing is retried: a conflict aborts the caller's transaction.
    /// </summary>
    public async Task<AppendResult> AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string streamId, ExpectedVersion expected,
        IReadOnlyList<EventData> events, CancellationToken cancellationToken = default)
    {
        Validate(streamId, events);
        using var activity = EventStoreTelemetry.Source.StartActivity("eventstore.append");
        activity?.SetTag("taskforge.stream_id", streamId);
        activity?.SetTag("taskforge.event_count", events.Count);
        var started = Stopwatch.GetTimestamp();
        await using var command = BuildAppendCommand(connection, transaction, streamId, expected, events);
        try
        {
            var result = await ExecuteAppendAsync(command, streamId, expected, events, cancellationToken);
            EventStoreTelemetry.RecordAppend(result, Stopwatch.GetElapsedTime(started));
            if (!result.AlreadyStored && transaction is null)
            {
                Watcher.NotifyAppended(Options.NotifyOtherProcesses);
            }

            return result;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == StreamVersionIndex)
        {
            var current = await ReadStreamVersionAsync(connection, transaction, streamId, cancellationToken);
            throw Conflict(streamId, expected, current);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == EventIdIndex && transaction is null)
        {
            // A racing append of the same event ids committed first: report what it stored.
            await using var again = BuildAppendCommand(connection, null, streamId, expected, events);
            return await ExecuteAppendAsync(again, streamId, expected, events, cancellationToken);
        }
        catch (Exception e) when (IsConnectionFailure(e) && connection.FullState != System.Data.ConnectionState.Open)
        {
            throw new AppendOutcomeUnknownException(streamId, e);
        }
    }

    private async Task<AppendResult> ExecuteAppendAsync(
        NpgsqlCommand command, string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events, CancellationToken cancellationToken)
    {
        var inserted = new List<long>(events.Count);
        var stored = new Dictionary<Guid, (long Position, string Stream, long Version)>();
        long current = 0;
        // Prepared once per physical connection (Npgsql keeps it across pool rentals): the statement is planned once.
        await command.PrepareAsync(cancellationToken);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (reader.GetInt32(0))
                {
                    case RowInserted:
                        inserted.Add(reader.GetInt64(1));
                        current = Math.Max(current, reader.GetInt64(2));
                        break;
                    case RowAlreadyStored:
                        stored[reader.GetGuid(4)] = (reader.GetInt64(1), reader.GetString(3), reader.GetInt64(2));
                        break;
                    case RowCurrentVersion when inserted.Count == 0:
                        current = reader.GetInt64(2);
                        break;
                }
            }
        }

        if (inserted.Count > 0)
        {
            return new AppendResult(streamId, current, inserted, AlreadyStored: false);
        }

        if (stored.Count > 0)
        {
            return AlreadyStoredResult(streamId, events, stored);
        }

        if (events.Count == 0 && Satisfies(expected, current))
        {
            return new AppendResult(streamId, current, [], AlreadyStored: false);
        }

        throw Conflict(streamId, expected, current);
    }

    private static AppendResult AlreadyStoredResult(
        string streamId, IReadOnlyList<EventData> events, Dictionary<Guid, (long Position, string Stream, long Version)> stored)
    {
        var positions = new List<long>(events.Count);
        long version = 0;
        foreach (var e in events)
        {
            if (!stored.TryGetValue(e.EventId, out var found))
            {
                throw new EventIdReusedException(streamId, $"event {e.EventId} is new but others of the append are stored");
            }

            if (found.Stream != streamId)
            {
                throw new EventIdReusedException(streamId, $"event {e.EventId} is stored in stream '{found.Stream}'");
            }

            positions.Add(found.Position);
            version = Math.Max(version, found.Version);
        }

        EventStoreTelemetry.IdempotentAppends.Add(1);
        return new AppendResult(streamId, version, positions, AlreadyStored: true);
    }

    private static bool Satisfies(ExpectedVersion expected, long current) =>
        expected.IsAny || (expected == ExpectedVersion.StreamExists ? current > 0 : current == expected.Value);

    private static WrongExpectedVersionException Conflict(string streamId, ExpectedVersion expected, long current)
    {
        EventStoreTelemetry.Conflicts.Add(1);
        return new WrongExpectedVersionException(streamId, expected, current);
    }

    private NpgsqlCommand BuildAppendCommand(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string streamId, ExpectedVersion expected, IReadOnlyList<EventData> events)
    {
        var ids = new Guid[events.Count];
        var types = new string[events.Count];
        var data = new string[events.Count];
        var metadata = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            ids[i] = events[i].EventId;
            types[i] = events[i].Type;
            data[i] = events[i].Data;
            metadata[i] = MetadataJson.Serialize(events[i].Metadata);
        }

        var command = new NpgsqlCommand(_appendSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("stream", NpgsqlDbType.Text) { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long>("expected", NpgsqlDbType.Bigint) { TypedValue = expected.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("n", NpgsqlDbType.Integer) { TypedValue = events.Count });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = ids });
        command.Parameters.Add(new NpgsqlParameter<string[]>("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = types });
        command.Parameters.Add(new NpgsqlParameter<string[]>("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { TypedValue = data });
        command.Parameters.Add(new NpgsqlParameter<string[]>("meta", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { TypedValue = metadata });
        return command;
    }

    // One statement: the version check and the duplicate check run before the insert, and the global id is only
    // taken (an xid assigned) when rows are actually inserted, through the lazily evaluated next_event_id() initplan.
    private string BuildAppendSql() => $"""
        WITH cur AS (
            SELECT coalesce((SELECT version FROM {_eventsTable} WHERE stream_id = @stream ORDER BY version DESC LIMIT 1), 0) AS v
        ), dup AS (
            SELECT id, version, stream_id, event_id FROM {_eventsTable} WHERE event_id = ANY(@ids)
        ), go AS (
            SELECT cur.v FROM cur
            WHERE NOT EXISTS (SELECT 1 FROM dup)
              AND (@expected = -1 OR (@expected = -2 AND cur.v > 0) OR cur.v = @expected)
        ), ins AS (
            INSERT INTO {_eventsTable} (id, stream_id, version, event_id, type, data, metadata)
            SELECT (SELECT {Schema}.next_event_id(@n)) + e.ord - 1, @stream, go.v + e.ord, e.id, e.type, e.data, e.meta
            FROM go, unnest(@ids, @types, @data, @meta) WITH ORDINALITY AS e(id, type, data, meta, ord)
            RETURNING id, version
        )
        SELECT {RowInserted}, id, version, NULL::text, NULL::uuid FROM ins
        UNION ALL SELECT {RowAlreadyStored}, id, version, stream_id, event_id FROM dup
        UNION ALL SELECT {RowCurrentVersion}, NULL::bigint, v, NULL::text, NULL::uuid FROM cur
        """;

    private void Validate(string streamId, IReadOnlyList<EventData> events)
    {
        if (string.IsNullOrWhiteSpace(streamId) || streamId.Length > 500)
        {
            throw new ArgumentException("A stream id is 1 to 500 characters.", nameof(streamId));
        }

        if (events.Count > Options.MaxEventsPerAppend)
        {
            throw new ArgumentException($"An append carries at most {Options.MaxEventsPerAppend} events; this one has {events.Count}.", nameof(events));
        }

        var seen = new HashSet<Guid>();
        foreach (var e in events)
        {
            if (!seen.Add(e.EventId))
            {
                throw new ArgumentException($"Event id {e.EventId} appears twice in one append.", nameof(events));
            }

            if (string.IsNullOrWhiteSpace(e.Type) || e.Data.Length > Options.MaxEventDataLength)
            {
                throw new ArgumentException($"Event {e.EventId} needs a type and at most {Options.MaxEventDataLength} characters of data.", nameof(events));
            }
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is NpgsqlException { IsTransient: true } or System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException
        || e is NpgsqlException { InnerException: System.IO.IOException or System.Net.Sockets.SocketException or TimeoutException }
        || e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown };
}
