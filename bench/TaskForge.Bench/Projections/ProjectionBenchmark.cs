using System.Globalization;
using Npgsql;
using TaskForge.Bench.Common;
using TaskForge.EventStore;
using TaskForge.Projections.Hosting;

namespace TaskForge.Bench.Projections;

/// <summary>
/// Projection daemon: feed throughput with a fan-out of 50 members per event beside a raw multi-row INSERT baseline of
/// the same rows, and lag p50/p99 of every read model at a steady append rate.
/// Options: --events N (4000), --rate R (1000 events/s), --seconds S (20), --read-models a,b (all).
/// </summary>
public static class ProjectionBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 4000);
        var rate = Option(args, "--rate", 1000);
        var seconds = Option(args, "--seconds", 20);
        var loadBefore = LoadAverage();
        await using var database = await BenchDatabase.StartAsync();
        // Projections repeat the same statements (per table generation): automatic preparation saves their parse and plan.
        await using var dataSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxAutoPrepare = 200, AutoPrepareMinUsages = 2 }.ConnectionString);
        await using var store = new PostgresEventStore(dataSource);
        await store.MigrateAsync();

        Console.WriteLine($"feed throughput: {events} events x 50 members");
        var throughput = await FeedThroughput.RunAsync(store, workspaces: 8, members: 50, events, batchSize: 500);
        Console.WriteLine($"lag at {rate} events/s for {seconds} s");
        var readModels = ProjectionsServiceCollectionExtensions.ReadModels()
            .Where(p => OptionText(args, "--read-models") is not { } only || only.Split(',').Contains(p.Name)).ToList();
        var lag = await ProjectionLag.RunAsync(store, workspaces: 20, members: 10, rate, TimeSpan.FromSeconds(seconds), readModels, "bench_lag");
        Console.WriteLine($"lag of the feed alone at {rate} events/s for {seconds} s");
        var feedOnly = await ProjectionLag.RunAsync(store, workspaces: 20, members: 10, rate, TimeSpan.FromSeconds(seconds),
            [.. ProjectionsServiceCollectionExtensions.ReadModels().Where(p => p.Name == "feed")], "bench_lag_feed");

        var report = new BenchReport("Projection daemon benchmark");
        report.Paragraph($"Database: {database.Description}. Command: `dotnet run -c Release --project bench/TaskForge.Bench -- projections`.");
        report.Paragraph($"Throughput: {events:N0} `ProjectDescriptionChanged` events in 8 workspaces of 50 members each, appended first, then " +
            "projected by a daemon running only the feed (batches of up to 500 events per transaction, rows and checkpoint in one transaction, " +
            "the recipients looked up in the projection's member table by an INSERT … SELECT per event, all statements of a batch in one round trip). " +
            "Timed from the daemon's start to its checkpoint reaching the head. Baseline, same run: the same rows written directly, one multi-row " +
            "INSERT (unnest of arrays) per transaction of 500 events' rows, into a table of the same shape and indexes, no lookups, no checkpoint.");
        report.Table(["measurement", "feed rows", "seconds", "feed rows/s", "events/s"],
        [
            ["daemon → feed", N(throughput.Rows), F(throughput.Projection.TotalSeconds), N(throughput.RowsPerSecond), N(throughput.Events / throughput.Projection.TotalSeconds)],
            ["baseline: multi-row INSERT", N(throughput.Rows), F(throughput.Baseline.TotalSeconds), N(throughput.BaselineRowsPerSecond), N(throughput.Events / throughput.Baseline.TotalSeconds)],
        ]);
        report.Paragraph($"Goal ≥ 20,000 feed rows/s: **{(throughput.RowsPerSecond >= 20_000 ? "met" : "not met")}** " +
            $"({throughput.RowsPerSecond / throughput.BaselineRowsPerSecond:P0} of the raw INSERT rate).");
        report.Paragraph($"Lag: read models running: {string.Join(", ", readModels.Select(p => p.Name))}; {rate:N0} events/s appended for {seconds} s after a 2 s warm-up, one event per append from concurrent " +
            "tasks paced to the schedule, over 20 workspaces of 10 members: 30 % new tasks (one assignee), 20 % comments with a mention, 15 % assignments, " +
            "15 % moves, 10 % task renames, 10 % project renames (fan-out to all members). Lag = projection commit time − the event's insert time " +
            "(clock_timestamp() in the append), per event and read model, from the daemon's `taskforge.projections.event.delay` histogram.");
        LagTable(report, lag);
        report.Paragraph("The same load again with the feed as the only projection (the daemon's other five runners off):");
        LagTable(report, feedOnly);
        var feedP99 = lag.ReadModels.TryGetValue("feed", out var feed) ? Percentiles.Of(feed, 0.99) : double.NaN;
        var aloneP99 = Percentiles.Of(feedOnly.ReadModels.GetValueOrDefault("feed") ?? [], 0.99);
        report.Paragraph($"Goal feed lag p99 < 100 ms: **{(feedP99 < 100 ? "met" : "not met")}** with all read models ({F(feedP99)} ms), " +
            $"**{(aloneP99 < 100 ? "met" : "not met")}** with the feed alone ({F(aloneP99)} ms). Compare with the plain subscriber's p99 in the same " +
            "run: the delivery floor of the store on this machine at that moment. The machine is shared with other work: " +
            $"load average (1, 5, 15 min) {loadBefore} before the run, {LoadAverage()} after.");
        await report.WriteAsync("projections");
        return 0;
    }

    private static void LagTable(BenchReport report, LagResult lag)
    {
        var rows = lag.ReadModels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => Row(kv.Key, kv.Value)).ToList();
        rows.Add(Row("baseline: plain store subscriber (insert → delivery)", lag.Subscriber));
        rows.Add(Row("append acknowledged (client round trip)", lag.Acks));
        report.Table(["read model", "events", "p50 ms", "p99 ms", "max ms"], rows);
    }

    private static IReadOnlyList<string> Row(string name, List<double> values) =>
        [name, N(values.Count), F(Percentiles.Of(values, 0.5)), F(Percentiles.Of(values, 0.99)), F(values.Count == 0 ? 0 : values.Max())];

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}
