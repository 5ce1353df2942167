using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using TaskForge.Domain;
using TaskForge.Domain.Projects;
using TaskForge.Projections.Events;
using Versions = TaskForge.Projections.Versions;

namespace TaskForge.Bench.Projections;

/// <summary>
/// Feed lag at a steady append rate: single-event appends paced at the rate (project events fanned out to every
/// member), with the daemon running the given read models; lag = the moment the feed's progression (committed with its
/// rows) reached the event − the moment the append was acknowledged. The appends of a warm-up at the same rate come
/// first and are not measured: the first half-second after the daemon starts (JIT, pools, the agents' first polls)
/// showed lags up to 0.5 s that say nothing about the steady rate.
/// </summary>
internal static class FeedLag
{
    public static async Task<(double[] Lag, double[] HighWaterLag, double AppendsPerSecond)> RunAsync(
        NpgsqlDataSource dataSource, string schema, IReadOnlyList<DomainProjection> projections, int rate, TimeSpan duration, TimeSpan wakeInterval, TimeSpan warmUp)
    {
        using var bench = await BenchStore.CreateAsync(dataSource, schema, projections, wakeUp: true, wakeInterval);
        var spaces = new List<BenchWorkspace>();
        for (var w = 0; w < 20; w++)
            spaces.Add(await BenchWorkspace.CreateAsync(bench.Store, 10));
        using var daemon = await bench.Store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();

        var committed = new ConcurrentDictionary<long, long>();
        var reached = new ConcurrentDictionary<long, long>();
        var certified = new ConcurrentDictionary<long, long>();
        var waiting = new ConcurrentDictionary<long, byte>();
        using var stop = new CancellationTokenSource();
        var watcher = WatchAsync(bench, waiting, reached, certified, stop.Token);
        var inFlight = new List<Task>();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
        long sent = 0;
        var measuredFrom = TimeSpan.MaxValue;
        while (clock.Elapsed < warmUp + duration)
        {
            while (sent < clock.Elapsed / interval)
            {
                var n = sent++;
                var measured = clock.Elapsed >= warmUp;
                if (measured && measuredFrom == TimeSpan.MaxValue)
                    measuredFrom = clock.Elapsed;
                var space = spaces[(int)(n % spaces.Count)];
                inFlight.Add(Task.Run(async () =>
                {
                    // A stream per append: concurrent appends to one stream would conflict (Marten checks the version even without an expected one).
                    var positions = await BenchEvents.AppendAsync(bench.Store, $"lag-{n}", space.Owner,
                        new ProjectEvent.ProjectDescriptionChanged(space.ProjectId, space.Id, $"Description {n}"));
                    if (!measured)
                        return;
                    committed[positions[0]] = Stopwatch.GetTimestamp();
                    waiting.TryAdd(positions[0], 0);
                }));
            }

            inFlight.RemoveAll(t => t.IsCompleted);
            await Task.Delay(1);
        }

        await Task.WhenAll(inFlight);
        var seconds = (clock.Elapsed - measuredFrom).TotalSeconds;
        var settle = Stopwatch.StartNew();
        while (reached.Count < committed.Count && settle.Elapsed < TimeSpan.FromSeconds(15))
            await Task.Delay(20);
        await stop.CancelAsync();
        await watcher;
        await daemon.StopAllAsync();
        double[] Lag(ConcurrentDictionary<long, long> seen) =>
            [.. committed.Select(c => seen.TryGetValue(c.Key, out var at) ? Math.Max(0, Stopwatch.GetElapsedTime(c.Value, at).TotalMilliseconds) : double.PositiveInfinity)];
        return (Lag(reached), Lag(certified), committed.Count / seconds);
    }

    // Polls the progression table every 2 ms and notes when the feed's progression, and the high-water mark, first cover
    // each acknowledged event. Only the events not yet covered by both are scanned: scanning every event of the run each
    // time grew to millions of lookups a second and took CPU from the daemon being measured.
    private static async Task WatchAsync(
        BenchStore bench, ConcurrentDictionary<long, byte> waiting, ConcurrentDictionary<long, long> reached, ConcurrentDictionary<long, long> certified, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var rows = await bench.Progress.ReadAsync(CancellationToken.None);
            var progression = Versions.ProjectionProgress.Of(rows, bench.Catalog.Projections.First(p => p.Name == "feed").MartenName);
            var mark = Versions.ProjectionProgress.HighWaterMark(rows);
            var now = Stopwatch.GetTimestamp();
            foreach (var sequence in waiting.Keys)
            {
                if (sequence <= progression)
                    reached.TryAdd(sequence, now);
                if (sequence <= mark)
                    certified.TryAdd(sequence, now);
                if (sequence <= progression && sequence <= mark)
                    waiting.TryRemove(sequence, out _);
            }

            await Task.Delay(2, CancellationToken.None);
        }
    }
}
