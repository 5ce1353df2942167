using System.Diagnostics;
using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TaskForge.Api.Commands;
using TaskForge.Api.Hosting;
using TaskForge.Bench.Commands;
using TaskForge.Bench.Common;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.Integrity;
using TaskForge.Storage.Events;
using TaskForge.Storage.EventStore;

namespace TaskForge.Bench.Integrity;

/// <summary>
/// The hash chain's cost and speed, in one run on one cluster: RenameTask commands through Wolverine with the chainer
/// running and not running (interleaved rounds, the chainer caught up before each of its rounds), then a log of
/// --events bulk-appended events (1,000,000) chained from scratch (the migration) and checked: the whole store, one
/// workspace's chain, one stream. Options: --events N, --clients N (8), --seconds S (20 per subject), --workspaces N (100).
/// </summary>
public static class IntegrityBenchmark
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchArgs.Int(args, "--events", 1_000_000);
        var clients = BenchArgs.Int(args, "--clients", 8);
        var duration = TimeSpan.FromSeconds(BenchArgs.Int(args, "--seconds", 20));
        var workspaces = BenchArgs.Int(args, "--workspaces", 100);
        await using var database = await BenchDatabase.StartAsync();
        await using var dataSource = TaskForgeDataSource.Create(database.ConnectionString);
        var options = new IntegrityOptions
        {
            Schema = "taskforge",
            ChainKeyHeader = EventHeaders.WorkspaceId,
            SigningKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
        };

        using var host = await StartCommandHostAsync(database.ConnectionString);
        await using var chainer = new ChainerDaemon(dataSource, options);
        await chainer.CreateTablesAsync();
        var handler = host.Services.GetRequiredService<CommandHandler>();
        var board = new BenchBoard(handler);
        await board.CreateAsync();
        var tasks = new Guid[clients][];
        for (var c = 0; c < clients; c++)
        {
            tasks[c] = new Guid[25];
            for (var k = 0; k < tasks[c].Length; k++)
                tasks[c][k] = await board.NewTaskAsync();
        }

        async Task<int> CommandAsync(int c, long i)
        {
            BenchBoard.Must(await handler.HandleAsync(board.Rename(tasks[c][i % tasks[c].Length], i)));
            return 1;
        }

        Console.WriteLine("warming up");
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(3), CommandAsync);
        await chainer.StartAsync();
        await LoadRunner.RunAsync(clients, TimeSpan.FromSeconds(3), CommandAsync);
        await chainer.WaitChainedAsync();
        await chainer.StopAsync();

        var appendTime = new AppendTimeChain(dataSource, options.Schema);
        await appendTime.InstallAsync();
        Console.WriteLine("commands without the chain, with the chainer, with a hash at append time; interleaved rounds");
        var without = new List<LoadResult>();
        var with = new List<LoadResult>();
        var atAppend = new List<LoadResult>();
        var lags = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            without.Add(await LoadRunner.RunAsync(clients, duration / Rounds, CommandAsync));
            await chainer.StartAsync();
            await chainer.WaitChainedAsync();
            with.Add(await LoadRunner.RunAsync(clients, duration / Rounds, CommandAsync));
            var lag = Stopwatch.StartNew();
            lags.Add(await chainer.WaitChainedAsync());
            Console.WriteLine($"round {round + 1}: {without[^1].OperationsPerSecond:F0} vs {with[^1].OperationsPerSecond:F0} commands/s; chainer {lags[^1]} events behind at the end, caught up in {lag.ElapsedMilliseconds} ms");
            await chainer.StopAsync();
            await appendTime.EnableAsync();
            atAppend.Add(await LoadRunner.RunAsync(clients, duration / Rounds, CommandAsync));
            await appendTime.DisableAsync();
            Console.WriteLine($"round {round + 1}: {atAppend[^1].OperationsPerSecond:F0} commands/s with the hash at append time");
        }

        var plain = Merge(without);
        var chained = Merge(with);
        var triggered = Merge(atAppend);

        Console.WriteLine($"appending {events:N0} events over {workspaces} workspaces");
        var load = Stopwatch.StartNew();
        var (streams, sampleStream) = await BulkAppendAsync(host.Services.GetRequiredService<IDocumentStore>(), events, workspaces);
        var appended = load.Elapsed;
        await Vacuum(dataSource);

        Console.WriteLine("chaining the history from where the chain stopped (the migration of events written before chaining)");
        var migrate = Stopwatch.StartNew();
        await chainer.StartAsync();
        var migrated = await chainer.WaitChainedAsync();
        var migration = migrate.Elapsed;
        await chainer.StopAsync();
        await Vacuum(dataSource);

        var checker = new IntegrityChecker(dataSource, options);
        Console.WriteLine("checking the store");
        var store = await checker.CheckStoreAsync();
        Console.WriteLine(store);
        var workspace = await checker.CheckChainAsync(BenchWorkspace(0).ToString());
        Console.WriteLine(workspace);
        var stream = await checker.CheckStreamAsync(sampleStream);
        Console.WriteLine(stream);

        var report = new BenchReport("Hash chain over the event log: append cost and integrity-check throughput");
        report.Paragraph($"Database: {database.Description}. Commands: RenameTask through Wolverine + Marten (as in the eventstore suite), {clients} closed-loop clients, " +
                         $"{Rounds} interleaved rounds of {(duration / Rounds).TotalSeconds:F0} s per subject; in the rounds with the chainer, it runs on its own Marten daemon in the " +
                         $"same process (page size {options.BatchSize}, one transaction with one signed checkpoint per touched chain per page) and is caught up before the round starts. " +
                         "No read-model projections run in any subject. " +
                         "The append-time alternative is a trigger on mt_events linking each event to its workspace's head row (SHA-256 in PostgreSQL), so appends to one " +
                         "workspace serialize on that row until they commit; the bench's commands all go to one workspace, as a busy workspace's do.");
        report.Table(["measurement", "commands/s", "p50 ms", "p99 ms", "ratio"],
        [
            ["commands, chainer not running (baseline)", F0(plain.OperationsPerSecond), F2(plain.P50), F2(plain.P99), "1.00"],
            ["commands, chainer running", F0(chained.OperationsPerSecond), F2(chained.P50), F2(chained.P99), (chained.OperationsPerSecond / plain.OperationsPerSecond).ToString("P1", CultureInfo.InvariantCulture)],
            ["commands, hash at append time (trigger, workspace head locked to commit)", F0(triggered.OperationsPerSecond), F2(triggered.P50), F2(triggered.P99), (triggered.OperationsPerSecond / plain.OperationsPerSecond).ToString("P1", CultureInfo.InvariantCulture)],
        ]);
        report.Paragraph($"Chainer lag at the end of each round with it (events not yet chained when the load stopped): {string.Join(", ", lags)}.");
        report.Paragraph($"History: {events:N0} TaskRenamed events with TaskForge's headers, in {streams:N0} task streams of 10 over {workspaces} workspaces " +
                         $"(50 events per append, 4 writers), appended in {appended.TotalSeconds:F1} s ({events / appended.TotalSeconds:N0} events/s).");
        report.Table(["measurement", "events", "time s", "events/s", "MB/s"],
        [
            ["chaining the history (migration), from the daemon's start", F0(migrated), F1(migration.TotalSeconds), F0(migrated / migration.TotalSeconds), "-"],
            Row("check the whole store", store),
            Row($"check one workspace's chain", workspace),
            Row("check one stream", stream),
        ]);
        report.Paragraph($"Reports: `{store}`; `{workspace}`; `{stream}`. MB/s counts the jsonb text of data and headers read from PostgreSQL.");
        report.Paragraph("Goal: chaining costs ≤ 10% of command throughput (ratio ≥ 90%).");
        await report.WriteAsync("integrity");
        await host.StopAsync();
        return store.Intact && workspace.Intact && stream.Intact ? 0 : 1;
    }

    private static string[] Row(string name, IntegrityReport r) =>
        [name, F0(r.EventsChecked), F2(r.Elapsed.TotalSeconds), F0(r.EventsChecked / r.Elapsed.TotalSeconds), F1(r.BytesRead / 1e6 / r.Elapsed.TotalSeconds)];

    private static Guid BenchWorkspace(int i) => new(i + 1, 0, 0, new byte[8]);

    private static async Task<(int Streams, string Sample)> BulkAppendAsync(IDocumentStore store, int events, int workspaces)
    {
        const int PerStream = 10;
        const int PerAppend = 50;
        var appends = events / PerAppend;
        var done = 0;
        string? sample = null;
        await Parallel.ForEachAsync(Enumerable.Range(0, appends), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (a, ct) =>
        {
            await using var session = store.LightweightSession();
            for (var s = 0; s < PerAppend / PerStream; s++)
            {
                var n = a * (PerAppend / PerStream) + s;
                var workspace = BenchWorkspace(n % workspaces);
                var task = Guid.CreateVersion7();
                var actor = Guid.NewGuid();
                var at = DateTimeOffset.UtcNow;
                session.Events.StartStream(StreamIds.Task(task), [.. Enumerable.Range(0, PerStream).Select(i =>
                    EventEnvelope.Wrap(new TaskEvent.TaskRenamed(task, workspace, workspace, $"Task {n}: ship the quarterly report, draft {i}")).Stamp(actor, workspace, at))]);
                sample ??= StreamIds.Task(task);
            }

            await session.SaveChangesAsync(ct);
            if (Interlocked.Increment(ref done) % 2000 == 0)
                Console.WriteLine($"appended {done * PerAppend:N0} events");
        });
        return (appends * (PerAppend / PerStream), sample!);
    }

    private static async Task Vacuum(Npgsql.NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("VACUUM ANALYZE");
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<IHost> StartCommandHostAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var options = new TaskForgeStorageOptions { RunProjections = false, SoloNode = true };
        builder.Services.AddTaskForgeMarten(connectionString, options);
        builder.Services.AddTaskForgeWolverine(options);
        builder.Services.AddTaskForgeCommands();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static LoadResult Merge(List<LoadResult> rounds) =>
        new([.. rounds.SelectMany(r => r.Latencies)], rounds.Sum(r => r.Units), TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)));

    private static string F0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F1(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

}
