using System.Globalization;
using Npgsql;
using TaskForge.Api.Commands;
using TaskForge.Bench.Common;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.EventStore;
using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Serialization;

namespace TaskForge.Bench.Commands;

/// <summary>
/// Commands/s through the command handler (load task, workspace and project streams, decide, append) beside raw
/// single-event store appends at the same concurrency in the same run; then loading a task of 10,000 events.
/// Options: --clients N (8), --seconds S (10 per measurement), --events E (10000), --repetitions R (30).
/// </summary>
public static class CommandBenchmark
{
    private const int TasksPerClient = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        var loadBefore = LoadAverage();
        var clients = Option(args, "--clients", 8);
        var duration = TimeSpan.FromSeconds(Option(args, "--seconds", 10));
        var longEvents = Option(args, "--events", 10_000);
        var repetitions = Option(args, "--repetitions", 30);
        await using var database = await BenchDatabase.StartAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var store = new PostgresEventStore(dataSource, new EventStoreOptions { Schema = "bench_commands_" + Guid.NewGuid().ToString("N")[..8] });
        await store.MigrateAsync();
        using var handler = new CommandHandler(store);
        var board = new BenchBoard(handler);
        await board.CreateAsync();

        Console.WriteLine($"creating {clients * TasksPerClient} tasks through the handler");
        var tasks = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var own = new Guid[TasksPerClient];
            for (var k = 0; k < own.Length; k++)
                own[k] = await board.NewTaskAsync();
            return own;
        }));
        var raw = new RawAppender(store, board, clients);

        Console.WriteLine("warming up");
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), (c, i) => raw.AppendAsync(c, i));
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), (c, i) => RenameAsync(handler, board, tasks, c, i, null));
        // Statistics, as autovacuum would gather them; sessions re-plan the prepared statements they planned on empty tables (ADR 6).
        await using (var analyze = dataSource.CreateCommand($"ANALYZE {store.Schema}.events"))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine("raw single-event appends (baseline)");
        var rawResult = await LoadRunner.RunAsync(clients, duration, (c, i) => raw.AppendAsync(c, i));
        Console.WriteLine("single-event commands through the handler");
        var handled = await LoadRunner.RunAsync(clients, duration, (c, i) => RenameAsync(handler, board, tasks, c, i, null));
        Console.WriteLine("single-event commands through the handler, with idempotency keys");
        var run = Guid.NewGuid().ToString("N")[..8];
        var keyed = await LoadRunner.RunAsync(clients, duration, (c, i) => RenameAsync(handler, board, tasks, c, i, $"{run}-{c}-{i}"));

        Console.WriteLine("the handler's three stream reads alone, and as one query");
        var threeReads = await ContextReadMeasurement.ThreeReadsAsync(store, board, tasks, clients, duration);
        var oneQuery = await ContextReadMeasurement.OneQueryAsync(store, board, tasks, clients, duration);

        Console.WriteLine($"building a task of {longEvents} events");
        var longTask = await LongStreamMeasurement.BuildTaskAsync(store, board, longEvents);
        var shortTask = await board.NewTaskAsync();
        var longTimings = await LongStreamMeasurement.MeasureAsync(store, handler, board, longTask, repetitions);
        var shortTimings = await LongStreamMeasurement.MeasureAsync(store, handler, board, shortTask, repetitions);

        var report = new BenchReport("Command handling benchmark");
        report.Paragraph($"Database: {database.Description}. Clients: {clients} concurrent, closed loop, {duration.TotalSeconds:F0} s per measurement after a 2 s warm-up, in one run. " +
            $"Workload: RenameTask (one event each) on {TasksPerClient} distinct tasks per client, round robin, so no two clients touch one task. " +
            "Through the handler a command reads the task, workspace and project streams (one ReadStreamsAsync round trip), folds them, decides, and appends one event with the exact expected version. " +
            "Baseline: the same single-event append of a serialized TaskRenamed with the same metadata, straight to the store, to distinct streams with an exact expected version (no reads).");
        report.Table(["measurement", "handler", "raw store append", "ratio"],
        [
            ["single-event commands/s", F(handled.OperationsPerSecond), F(rawResult.OperationsPerSecond), Ratio(handled.OperationsPerSecond, rawResult.OperationsPerSecond)],
            ["latency p50 (ms)", F2(handled.P50), F2(rawResult.P50), Ratio(handled.P50, rawResult.P50)],
            ["latency p99 (ms)", F2(handled.P99), F2(rawResult.P99), Ratio(handled.P99, rawResult.P99)],
            ["keyed commands/s (idempotency key lookup added)", F(keyed.OperationsPerSecond), F(rawResult.OperationsPerSecond), Ratio(keyed.OperationsPerSecond, rawResult.OperationsPerSecond)],
            ["keyed latency p50 / p99 (ms)", $"{F2(keyed.P50)} / {F2(keyed.P99)}", "—", "—"],
        ]);
        report.Paragraph("Where the time goes: the reads of one command (task, workspace and project streams) without deciding or appending, " +
            "as three ReadStream calls in parallel (three pooled connections; how the handler read before) beside one query reading the three streams " +
            "(the store's ReadStreamsAsync, which the handler uses now).");
        report.Table(["reads of one command", "three ReadStream calls", "one query", "ratio"],
        [
            ["reads/s", F(threeReads.OperationsPerSecond), F(oneQuery.OperationsPerSecond), Ratio(threeReads.OperationsPerSecond, oneQuery.OperationsPerSecond)],
            ["latency p50 (ms)", F2(threeReads.P50), F2(oneQuery.P50), Ratio(threeReads.P50, oneQuery.P50)],
            ["latency p99 (ms)", F2(threeReads.P99), F2(oneQuery.P99), Ratio(threeReads.P99, oneQuery.P99)],
        ]);
        report.Paragraph($"Long streams: one task with {longEvents:N0} events (renames, label adds and removes, priority changes; built with 500-event appends), " +
            $"{repetitions} sequential repetitions after one warm-up each, beside a task of 2 events measured the same way. " +
            "The state cache keeps folded states of streams with 100 or more events in process; a short task is never cached, so its two load rows measure the same thing.");
        report.Table(["measurement (ms)", $"task of {longEvents:N0} events", "task of 2 events"],
        [
            ["ReadStream p50 (whole stream, store read only)", F2(longTimings.ReadP50), F2(shortTimings.ReadP50)],
            ["cold load p50 (read + deserialize + fold, no cache)", F2(longTimings.ColdLoadP50), F2(shortTimings.ColdLoadP50)],
            ["cold load p99", F2(longTimings.ColdLoadP99), F2(shortTimings.ColdLoadP99)],
            ["cached load p50 (state cache, newer events only)", F2(longTimings.CachedLoadP50), F2(shortTimings.CachedLoadP50)],
            ["cached load p99", F2(longTimings.CachedLoadP99), F2(shortTimings.CachedLoadP99)],
            ["whole RenameTask command p50, no cache", F2(longTimings.UncachedCommandP50), F2(shortTimings.UncachedCommandP50)],
            ["whole RenameTask command p99, no cache", F2(longTimings.UncachedCommandP99), F2(shortTimings.UncachedCommandP99)],
            ["whole RenameTask command p50, with the cache", F2(longTimings.CommandP50), F2(shortTimings.CommandP50)],
            ["whole RenameTask command p99, with the cache", F2(longTimings.CommandP99), F2(shortTimings.CommandP99)],
        ]);
        report.Paragraph($"The machine is shared with other work: load average (1/5/15 min) {loadBefore} at the start, {LoadAverage()} at the end. " +
            "Compare the ratios, which are measured in the same run, rather than absolute figures across runs.");
        await report.WriteAsync("commands");
        return 0;
    }

    private static async Task<int> RenameAsync(CommandHandler handler, BenchBoard board, Guid[][] tasks, int client, long i, string? key)
    {
        var own = tasks[client];
        BenchBoard.Must(await handler.HandleAsync(board.Rename(own[i % own.Length], i), key is null ? null : new CommandOptions(key)));
        return 1;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Ratio(double ours, double baseline) => baseline == 0 ? "—" : (ours / baseline).ToString("P0", CultureInfo.InvariantCulture);

    /// <summary>Single-event appends of a serialized TaskRenamed, each client on its own streams with tracked versions.</summary>
    private sealed class RawAppender(PostgresEventStore store, BenchBoard board, int clients)
    {
        private readonly JsonEventSerializer _serializer = new(DomainEventTypes.ByName);
        private readonly long[][] _versions = [.. Enumerable.Range(0, clients).Select(_ => new long[TasksPerClient])];
        private readonly string _run = Guid.NewGuid().ToString("N")[..8];

        public async Task<int> AppendAsync(int client, long i)
        {
            var k = (int)(i % TasksPerClient);
            var taskId = Guid.NewGuid();
            var renamed = new TaskEvent.TaskRenamed(taskId, board.ProjectId, board.WorkspaceId, $"Write the quarterly report, draft {i}");
            var metadata = new EventMetadata(board.Owner.ToString(), board.WorkspaceId, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), DateTimeOffset.UtcNow,
                new Dictionary<string, string> { ["command-type"] = "RenameTask" });
            var data = new EventData(Guid.NewGuid(), _serializer.TypeName(renamed), _serializer.Serialize(renamed), metadata);
            var result = await store.AppendAsync($"rawtask-{_run}-{client}-{k}", ExpectedVersion.Exactly(_versions[client][k]), [data]);
            _versions[client][k] = result.StreamVersion;
            return 1;
        }
    }
}
