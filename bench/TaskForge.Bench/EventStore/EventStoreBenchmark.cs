using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using TaskForge.Bench.Common;
using TaskForge.EventStore;
using TaskForge.EventStore.Appending;

namespace TaskForge.Bench.EventStore;

/// <summary>
/// Appends (single and batched) beside raw INSERT transactions into a table with the same columns and only a
/// primary key, at the same concurrency; catch-up read rate; commit-to-subscriber delivery at a steady rate.
/// Options: --clients N (8), --seconds S (10 per measurement).
/// </summary>
public static class EventStoreBenchmark
{
    private const string Data = """{"taskId":"7d0c6a8e-3f51-4a43-9c52-0c1a2b3c4d5e","title":"Write the quarterly report","priority":"High"}""";

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = Option(args, "--clients", 8);
        var duration = TimeSpan.FromSeconds(Option(args, "--seconds", 10));
        await using var database = await BenchDatabase.StartAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var store = new PostgresEventStore(dataSource);
        await store.MigrateAsync();
        await CreateBaselineTableAsync(dataSource);
        var metadata = MetadataJson();
        if (args.Contains("--delivery-only"))
        {
            var only = await DeliveryBenchmark.RunAsync(store, database.ConnectionString, ratePerSecond: 1000, duration);
            Console.WriteLine($"delivery: local p50 {F2(only.LocalP50)} p99 {F2(only.LocalP99)}; other process p50 {F2(only.RemoteP50)} p99 {F2(only.RemoteP99)} ms; append acknowledged p50 {F2(only.AckP50)} p99 {F2(only.AckP99)} ms");
            return 0;
        }

        Console.WriteLine("warming up");
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), (c, i) => RawInsertAsync(dataSource, 1, metadata));
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), (c, i) => AppendAsync(store, $"warm-{c}-{i}", 1));
        // Statistics for both tables, as autovacuum would gather them on a database in use; this also makes every
        // pooled session re-plan its prepared statements, which were planned on empty tables.
        await using (var analyze = dataSource.CreateCommand($"ANALYZE {store.Schema}.events; ANALYZE raw_events"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        const int Rounds = 5;
        var roundDuration = duration / Rounds;
        var streams = new long[clients];
        long streamSequence = 0;
        Func<int, long, Task<int>> SingleAppends(PostgresEventStore target) => (c, i) =>
        {
            // Streams of 20 events with an exact expected version, like edits of one task.
            if (i % 20 == 0)
            {
                streams[c] = Interlocked.Increment(ref streamSequence);
            }

            return AppendAsync(target, $"task-{streams[c]}", 1, i % 20);
        };

        await using var quiet = new PostgresEventStore(dataSource, new EventStoreOptions { NotifyOtherProcesses = false });
        Console.WriteLine("single: INSERT baseline, appends, appends without cross-process NOTIFY, INSERT+NOTIFY; interleaved rounds");
        var singles = await Interleaved.RunAsync(clients, Rounds, roundDuration,
            (c, i) => RawInsertAsync(dataSource, 1, metadata),
            SingleAppends(store),
            SingleAppends(quiet),
            (c, i) => RawInsertAsync(dataSource, 1, metadata, notify: true));
        var (rawSingle, single, singleQuiet, rawNotify) = (singles[0], singles[1], singles[2], singles[3]);
        Console.WriteLine("batched: 50-row INSERT baseline and 50-event appends; interleaved rounds");
        var batches = await Interleaved.RunAsync(clients, Rounds, roundDuration,
            (c, i) => RawInsertAsync(dataSource, 50, metadata),
            (c, i) => AppendAsync(store, $"batch-{Guid.NewGuid():N}", 50));
        var (rawBatch, batch) = (batches[0], batches[1]);
        Console.WriteLine("catch-up read");
        var readClock = System.Diagnostics.Stopwatch.StartNew();
        var (readEvents, _) = await LogScan.ToHeadAsync(store, 500);
        var readSeconds = readClock.Elapsed.TotalSeconds;
        Console.WriteLine("delivery at 1,000 events/s");
        var delivery = await DeliveryBenchmark.RunAsync(store, database.ConnectionString, ratePerSecond: 1000, duration);

        var report = new BenchReport("Event store benchmark");
        report.Paragraph($"Database: {database.Description}. Clients: {clients} concurrent connections, closed loop, {duration.TotalSeconds:F0} s per measurement after a 2 s warm-up, run as {Rounds} interleaved rounds of each subject and its baseline so both see the same background load. " +
            "Baseline: single-row (or 50-row, sent as arrays like the append) INSERT transactions, one round trip each, into a table with the same columns as the events table and only a primary key, at the same concurrency, in the same run; both sides use prepared statements. " +
            "Appends: one statement and one round trip each (version check, duplicate check, insert), into the events table with its three indexes; single-event appends go to streams of 20 events with an exact expected version. Event ids are time-ordered UUIDv7, as the command path makes them (random v4 ids cost extra index page writes).");
        report.Table(["measurement", "TaskForge", "baseline", "ratio"],
        [
            ["single-event appends/s", F(single.OperationsPerSecond), F(rawSingle.OperationsPerSecond) + " (INSERT tx/s)", Ratio(single.OperationsPerSecond, rawSingle.OperationsPerSecond)],
            ["single-event appends/s, no cross-process NOTIFY", F(singleQuiet.OperationsPerSecond), F(rawSingle.OperationsPerSecond), Ratio(singleQuiet.OperationsPerSecond, rawSingle.OperationsPerSecond)],
            ["single append latency p50 (ms)", F2(single.P50), F2(rawSingle.P50), Ratio(single.P50, rawSingle.P50)],
            ["single append latency p99 (ms)", F2(single.P99), F2(rawSingle.P99), Ratio(single.P99, rawSingle.P99)],
            ["batched events/s (50 per append)", F(batch.UnitsPerSecond), F(rawBatch.UnitsPerSecond) + " (50-row INSERT, rows/s)", Ratio(batch.UnitsPerSecond, rawBatch.UnitsPerSecond)],
            ["batched append latency p50 (ms)", F2(batch.P50), F2(rawBatch.P50), Ratio(batch.P50, rawBatch.P50)],
            ["batched append latency p99 (ms)", F2(batch.P99), F2(rawBatch.P99), Ratio(batch.P99, rawBatch.P99)],
            ["INSERT + NOTIFY per transaction, tx/s", "—", F(rawNotify.OperationsPerSecond), Ratio(rawNotify.OperationsPerSecond, rawSingle.OperationsPerSecond) + " of plain INSERT"],
            ["catch-up read events/s (ReadAll, pages of 500)", F(readEvents / readSeconds), "—", "—"],
            ["append acknowledged p50 (ms) during the delivery run", F2(delivery.AckP50), "—", "—"],
            ["append acknowledged p99 (ms) during the delivery run", F2(delivery.AckP99), "—", "—"],
            ["delivery p50 (ms), in-process subscriber", F2(delivery.LocalP50), "—", "—"],
            ["delivery p99 (ms), in-process subscriber", F2(delivery.LocalP99), "—", "—"],
            ["delivery p50 (ms), other-process subscriber (NOTIFY)", F2(delivery.RemoteP50), "—", "—"],
            ["delivery p99 (ms), other-process subscriber (NOTIFY)", F2(delivery.RemoteP99), "—", "—"],
        ]);
        report.Paragraph($"Delivery: {delivery.Sent} single-event appends (each to a new stream) paced at 1,000/s; latency is from the moment the append was sent (so it includes the commit) " +
            "to the moment a subscriber received the event; the in-process subscriber shares the appender's store (woken at once), the other-process one has its own data source and LogWatcher (woken by the coalesced NOTIFY).");
        report.Paragraph("Goals (issue 2): single-event appends ≥ 70% of the raw INSERT baseline; batched appends ≥ 40,000 events/s; delivery p99 < 20 ms.");
        await report.WriteAsync("eventstore");
        return 0;
    }

    private static async Task<int> AppendAsync(PostgresEventStore store, string stream, int count, long version = -1)
    {
        var events = new EventData[count];
        var metadata = new EventMetadata("user-1", Guid.Empty, "bench", null, DateTimeOffset.UtcNow);
        for (var i = 0; i < count; i++)
        {
            events[i] = new EventData(Guid.CreateVersion7(), "TaskRenamed", Data, metadata);
        }

        var expected = version < 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exactly(version);
        await store.AppendAsync(stream, expected, events);
        return count;
    }

    private static async Task CreateBaselineTableAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            DROP TABLE IF EXISTS raw_events;
            CREATE TABLE raw_events (id bigserial PRIMARY KEY, stream_id text NOT NULL, version bigint NOT NULL, event_id uuid NOT NULL,
                type text NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp());
            """);
        await command.ExecuteNonQueryAsync();
    }

    // The baseline sends the same rows the append sends: scalars for one row, arrays (unnest) for a batch.
    private static async Task<int> RawInsertAsync(NpgsqlDataSource dataSource, int rows, string metadata, bool notify = false)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        var insert = rows == 1 ? SingleRowInsert(metadata) : MultiRowInsert(rows, metadata);
        batch.BatchCommands.Add(insert);
        if (notify)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify('bench_events', '')"));
        }

        await batch.PrepareAsync();
        await batch.ExecuteNonQueryAsync();
        return rows;
    }

    private static NpgsqlBatchCommand SingleRowInsert(string metadata)
    {
        var insert = new NpgsqlBatchCommand("INSERT INTO raw_events (stream_id, version, event_id, type, data, metadata) VALUES ($1, 1, $2, 'TaskRenamed', $3, $4)");
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "raw-" + Guid.NewGuid().ToString("N") });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Data, NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = metadata, NpgsqlDbType = NpgsqlDbType.Jsonb });
        return insert;
    }

    private static NpgsqlBatchCommand MultiRowInsert(int rows, string metadata)
    {
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO raw_events (stream_id, version, event_id, type, data, metadata)
            SELECT $1, e.ord, e.id, e.type, e.data, e.meta FROM unnest($2, $3, $4, $5) WITH ORDINALITY AS e(id, type, data, meta, ord)
            """);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "raw-" + Guid.NewGuid().ToString("N") });
        insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = Enumerable.Range(0, rows).Select(_ => Guid.CreateVersion7()).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Enumerable.Repeat("TaskRenamed", rows).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Enumerable.Repeat(Data, rows).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Enumerable.Repeat(metadata, rows).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        return insert;
    }

    private static string MetadataJson() =>
        """{"actorId":"user-1","workspaceId":"00000000-0000-0000-0000-000000000000","correlationId":"bench","causationId":null,"timestamp":"2026-11-22T00:00:00+00:00","headers":null}""";

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Ratio(double ours, double baseline) => baseline == 0 ? "—" : (ours / baseline).ToString("P0", CultureInfo.InvariantCulture);
}
