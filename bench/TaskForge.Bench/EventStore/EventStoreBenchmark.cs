using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Loading;
using TaskForge.Api.Commands.Messaging;
using TaskForge.Api.Hosting;
using TaskForge.Bench.Commands;
using TaskForge.Bench.Common;
using TaskForge.Storage.EventStore;
using TaskForge.Storage.Wakeup;

namespace TaskForge.Bench.EventStore;

/// <summary>
/// TaskForge on Marten and Wolverine beside its baselines, in one run on one cluster: raw single-row INSERT
/// transactions, bare Marten appends (a session per append) with and without the coalesced wake-up, single-event
/// commands through Wolverine, batched appends, and commit-to-consumer latency at a steady 1,000 events/s for a daemon
/// projection and a reader bounded by the high-water mark, with polling only and with the wake-up.
/// Options: --clients N (8), --seconds S (10 per measurement), --rate R (1000).
/// </summary>
public static class EventStoreBenchmark
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var clients = BenchArgs.Int(args, "--clients", 8);
        var duration = TimeSpan.FromSeconds(BenchArgs.Int(args, "--seconds", 10));
        var rate = BenchArgs.Int(args, "--rate", 1000);
        await using var database = await BenchDatabase.StartAsync();
        await using var dataSource = TaskForgeDataSource.Create(database.ConnectionString);
        var raw = new RawInserts(dataSource);
        await raw.CreateAsync();
        var bench = new EventStoreSettings { Schema = "bench" };
        using var quietStore = DocumentStore.For(o => { o.Connection(dataSource); o.UseTaskForgeEventStore(bench); });
        using var wakeStore = DocumentStore.For(o => { o.Connection(dataSource); o.UseTaskForgeEventStore(bench); o.UseAppendWakeups(dataSource, new AppendNotifier(dataSource)); });
        await quietStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var host = await StartCommandHostAsync(database.ConnectionString, withObserver: false);
        using var observed = await StartCommandHostAsync(database.ConnectionString, withObserver: true);
        using var reading = await StartCommandHostAsync(database.ConnectionString, withObserver: false, trustCache: false);
        var handler = host.Services.GetRequiredService<CommandHandler>();
        var observedHandler = observed.Services.GetRequiredService<CommandHandler>();
        var readingHandler = reading.Services.GetRequiredService<CommandHandler>();
        // Each command host (a node with its own state cache) works on a board of its own, as the two configurations
        // are measured apart: two nodes renaming the same tasks would each find their cached states behind (ADR 0125).
        var board = new BenchBoard(handler);
        await board.CreateAsync();
        var observedBoard = new BenchBoard(observedHandler);
        await observedBoard.CreateAsync();
        var tasks = await TasksAsync(board, clients);
        var observedTasks = await TasksAsync(observedBoard, clients);
        var readingBoard = new BenchBoard(readingHandler);
        await readingBoard.CreateAsync();
        var readingTasks = await TasksAsync(readingBoard, clients);

        var quiet = new BareAppends(quietStore, clients);
        var wake = new BareAppends(wakeStore, clients);
        async Task<int> CommandAsync(int c, long i)
        {
            BenchBoard.Must(await handler.HandleAsync(board.Rename(tasks[c][i % tasks[c].Length], i)));
            return 1;
        }

        async Task<int> ObservedCommandAsync(int c, long i)
        {
            BenchBoard.Must(await observedHandler.HandleAsync(observedBoard.Rename(observedTasks[c][i % observedTasks[c].Length], i)));
            return 1;
        }

        async Task<int> ReadingCommandAsync(int c, long i)
        {
            BenchBoard.Must(await readingHandler.HandleAsync(readingBoard.Rename(readingTasks[c][i % readingTasks[c].Length], i)));
            return 1;
        }

        Console.WriteLine("warming up");
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), (c, i) => raw.InsertAsync(1));
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), (c, i) => quiet.AppendAsync(c, i));
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), CommandAsync);
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), ObservedCommandAsync);
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(2), ReadingCommandAsync);
        await using (var analyze = dataSource.CreateCommand("ANALYZE"))
            await analyze.ExecuteNonQueryAsync();

        var roundDuration = duration / Rounds;
        Console.WriteLine("single: raw INSERT, bare appends, bare appends with the wake-up, commands, commands with an observer, commands that read; interleaved rounds");
        var singles = await Interleaved.RunAsync(clients, Rounds, roundDuration,
            (c, i) => raw.InsertAsync(1), (c, i) => quiet.AppendAsync(c, i), (c, i) => wake.AppendAsync(c, i), CommandAsync, ObservedCommandAsync, ReadingCommandAsync);
        Console.WriteLine("batched: 50-row INSERT, 50-event appends; interleaved rounds");
        var batches = await Interleaved.RunAsync(clients, Rounds, roundDuration, (c, i) => raw.InsertAsync(50), (c, i) => quiet.AppendAsync(c, i, 50));
        Console.WriteLine("settings sweep: raw INSERT and bare appends with one Marten setting changed at a time; interleaved rounds");
        var sweep = await AppendSettingsSweep.RunAsync(dataSource, raw, clients, Rounds, roundDuration);
        Console.WriteLine($"latency at {rate} events/s: polling only, then with the wake-up");
        var polled = await LatencyProbe.RunAsync(dataSource, bench with { Schema = "bench_polled", WakeOnAppend = false }, rate, duration);
        var woken = await LatencyProbe.RunAsync(dataSource, bench with { Schema = "bench_woken", WakeOnAppend = true }, rate, duration);

        await WriteReportAsync(database, clients, duration, rate, singles, batches, sweep, polled, woken, bench);
        await host.StopAsync();
        await observed.StopAsync();
        await reading.StopAsync();
        return 0;
    }

    private static async Task<Guid[][]> TasksAsync(BenchBoard board, int clients)
    {
        var tasks = new Guid[clients][];
        for (var c = 0; c < clients; c++)
        {
            tasks[c] = new Guid[25];
            for (var k = 0; k < tasks[c].Length; k++)
                tasks[c][k] = await board.NewTaskAsync();
        }

        return tasks;
    }

    private static async Task<IHost> StartCommandHostAsync(string connectionString, bool withObserver, bool trustCache = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var options = new TaskForgeStorageOptions { RunProjections = false, SoloNode = true };
        builder.Services.AddTaskForgeMarten(connectionString, options);
        builder.Services.AddTaskForgeWolverine(options);
        builder.Services.AddTaskForgeCommands();
        if (withObserver)
            builder.Services.AddSingleton<ICommitObserver, CountingObserver>();
        if (!trustCache)
            builder.Services.AddSingleton(new StateCache(trusted: false));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task WriteReportAsync(
        BenchDatabase database, int clients, TimeSpan duration, int rate, LoadResult[] singles, LoadResult[] batches,
        (LoadResult Raw, AppendSettingsSweep.Outcome[] Variants) sweep, LatencyResult polled, LatencyResult woken, EventStoreSettings bench)
    {
        var (raw, quiet, wake, commands, observedCommands, readingCommands) = (singles[0], singles[1], singles[2], singles[3], singles[4], singles[5]);
        var report = new BenchReport("Event store and command path on Marten 9.58 and Wolverine 6.62");
        report.Paragraph($"Database: {database.Description}. {clients} closed-loop clients; subject and baseline in {Rounds} interleaved rounds " +
            $"of {F0((duration / Rounds).TotalSeconds)} s each, so they share the machine's background load. Single appends write one TaskRenamed " +
            "event with TaskForge's headers to streams of 20 events with an exact expected version (a stream's events share one body and an " +
            "append reads the clock once, as the raw baseline writes one constant JSON; event ids are UUIDv7 as the command path makes them); commands are RenameTask through " +
            "Wolverine on tasks of their own node (each command host has its own board): decide on the task, workspace and project states, " +
            "from the state cache unread when all three are there (ADR 0125), or read in one batch query; append, with the cached context " +
            "streams' versions and the command's claim on its own stream (a row lock, its event ids, its version; ADR 0144) checked in the same round trip, before the append. 'Commands that read' is the same with the cache not trusted (every command " +
            "reads the events after its cached states, ADR 0052). " +
            $"Daemon polling {bench.FastPollingTime.TotalMilliseconds} ms fast / {bench.SlowPollingTime.TotalMilliseconds} ms slow; gap settings as GapSafety.");
        report.Table(["measurement", "per second", "p50 ms", "p99 ms", "ratio"],
        [
            ["raw single-row INSERT transactions (baseline)", F0(raw.OperationsPerSecond), F2(raw.P50), F2(raw.P99), "1.00"],
            ["bare Marten single-event appends, polling only", F0(quiet.OperationsPerSecond), F2(quiet.P50), F2(quiet.P99), Ratio(quiet, raw) + " of raw"],
            ["bare Marten single-event appends, coalesced wake-up", F0(wake.OperationsPerSecond), F2(wake.P50), F2(wake.P99), Ratio(wake, quiet) + " of polling only"],
            ["single-event commands through Wolverine + Marten", F0(commands.OperationsPerSecond), F2(commands.P50), F2(commands.P99), Ratio(commands, wake) + " of bare appends (wake-up)"],
            ["same, with a commit observer (CommandCommitted through the outbox)", F0(observedCommands.OperationsPerSecond), F2(observedCommands.P50), F2(observedCommands.P99), Ratio(observedCommands, wake) + " of bare appends (wake-up)"],
            ["commands that read their streams (cache not trusted)", F0(readingCommands.OperationsPerSecond), F2(readingCommands.P50), F2(readingCommands.P99), Ratio(readingCommands, wake) + " of bare appends (wake-up)"],
            ["raw 50-row INSERT, rows", F0(batches[0].UnitsPerSecond), F2(batches[0].P50), F2(batches[0].P99), "1.00"],
            ["batched Marten appends (50 events), events", F0(batches[1].UnitsPerSecond), F2(batches[1].P50), F2(batches[1].P99), Ratio(batches[1], batches[0], units: true) + " of raw"],
        ]);
        report.Paragraph("Which settings move bare appends: the same single-event appends (polling only) with one Marten setting changed at a " +
            "time, each on its own schema, in interleaved rounds with the raw INSERT baseline. Not changeable by settings: Marten sends " +
            "BEGIN with the append and COMMIT in a second round trip (the raw baseline is one autocommit round trip), and its " +
            "`mt_quick_append_events` function reads and updates the stream's row and inserts under a foreign key to it.");
        report.Table(["configuration", "per second", "p50 ms", "p99 ms", "ratio to raw"],
        [
            ["raw single-row INSERT transactions (baseline)", F0(sweep.Raw.OperationsPerSecond), F2(sweep.Raw.P50), F2(sweep.Raw.P99), "1.00"],
            .. sweep.Variants.Select(v => (IReadOnlyList<string>)[v.Name, F0(v.Result.OperationsPerSecond), F2(v.Result.P50), F2(v.Result.P99), Ratio(v.Result, sweep.Raw)]),
        ]);
        report.Paragraph($"Commit-to-consumer latency at a steady {rate} single-event appends/s for {F0(duration.TotalSeconds)} s (commit = the append's SaveChanges returned; " +
            "seen = the projection's ApplyAsync got the event, or the high-water-mark reader's page held it; 0 when seen before the acknowledgement arrived).");
        report.Table(["configuration", "appends/s reached", "projection p50 / p99 ms", "HWM reader p50 / p99 ms"],
        [
            ["polling only", F0(polled.AppendsPerSecond), $"{F2(polled.ProjectionP50)} / {F2(polled.ProjectionP99)}", $"{F2(polled.ReaderP50)} / {F2(polled.ReaderP99)}"],
            ["coalesced wake-up after commit", F0(woken.AppendsPerSecond), $"{F2(woken.ProjectionP50)} / {F2(woken.ProjectionP99)}", $"{F2(woken.ReaderP50)} / {F2(woken.ReaderP99)}"],
        ]);
        report.Paragraph("Goals: commands/s ≥ 70% of bare appends; bare appends ≥ 50% of raw INSERT; batched ≥ 40,000 events/s; " +
            "commit-to-consumer p99 < 100 ms at 1,000 events/s with ≥ 90% of the closed-loop appends/s of the configuration without wake-ups.");
        await report.WriteAsync("eventstore");
    }

    private static string Ratio(LoadResult subject, LoadResult baseline, bool units = false) =>
        (units ? subject.UnitsPerSecond / baseline.UnitsPerSecond : subject.OperationsPerSecond / baseline.OperationsPerSecond).ToString("P0", CultureInfo.InvariantCulture);

    private static string F0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F2(double value) => double.IsInfinity(value) ? "never" : value.ToString("N2", CultureInfo.InvariantCulture);


    private sealed class CountingObserver : ICommitObserver
    {
        private long _count;

        public Task OnCommittedAsync(CommandCommitted committed, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}
