using System.Collections.Concurrent;
using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Npgsql;
using TaskForge.Bench.Common;
using TaskForge.Storage.EventLog;
using TaskForge.Storage.EventStore;
using TaskForge.Storage.Wakeup;

namespace TaskForge.Bench.EventStore;

/// <summary>
/// Commit-to-consumer latency at a steady append rate: single-event appends paced at the rate, a daemon projection
/// and a reader bounded by the high-water mark each noting when they first see every event.
/// </summary>
internal static class LatencyProbe
{
    public static async Task<LatencyResult> RunAsync(NpgsqlDataSource dataSource, EventStoreSettings settings, int ratePerSecond, TimeSpan duration)
    {
        var applied = new ConcurrentDictionary<long, long>();
        var notifier = new AppendNotifier(dataSource);
        using var store = DocumentStore.For(o =>
        {
            o.Connection(dataSource);
            o.UseTaskForgeEventStore(settings);
            o.Projections.Add(new SeenProjection(applied), ProjectionLifecycle.Async, "latency_probe_" + Guid.NewGuid().ToString("N")[..6], _ => { });
            if (settings.WakeOnAppend)
                o.UseAppendWakeups(dataSource, notifier);
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();

        var committed = new ConcurrentDictionary<long, long>();
        var read = new ConcurrentDictionary<long, long>();
        using var stop = new CancellationTokenSource();
        var reader = ReadAsync(new EventLogReader(store, new HighWaterMark(dataSource, settings.Schema)), read, stop.Token);
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        long sent = 0;
        var interval = TimeSpan.FromSeconds(1.0 / ratePerSecond);
        while (clock.Elapsed < duration)
        {
            while (sent < clock.Elapsed / interval)
            {
                var n = sent++;
                inFlight.Add(Task.Run(async () =>
                {
                    await using var session = store.LightweightSession();
                    var e = EventEnvelope(n);
                    // A stream per append: concurrent appends to one stream conflict, and a failed append leaves a gap the daemon waits on.
                    session.Events.Append("latency-" + n, e);
                    await session.SaveChangesAsync();
                    committed[e.Sequence] = Stopwatch.GetTimestamp();
                }));
            }

            inFlight.RemoveAll(t => t.IsCompleted);
            await Task.Delay(1);
        }

        await Task.WhenAll(inFlight);
        var appendSeconds = clock.Elapsed.TotalSeconds;
        var settle = Stopwatch.StartNew();
        while ((applied.Count < committed.Count || read.Count < committed.Count) && settle.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        await stop.CancelAsync();
        await reader;
        await daemon.StopAllAsync();

        double[] Latencies(ConcurrentDictionary<long, long> seen) =>
            [.. committed.Select(c => seen.TryGetValue(c.Key, out var at) ? Math.Max(0, Stopwatch.GetElapsedTime(c.Value, at).TotalMilliseconds) : double.PositiveInfinity)];
        return new LatencyResult(committed.Count / appendSeconds, Latencies(applied), Latencies(read));
    }

    private static IEvent EventEnvelope(long n) =>
        Storage.Events.EventEnvelope.Wrap(new Domain.Tasks.TaskEvent.TaskRenamed(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), $"Draft {n}"));

    private static async Task ReadAsync(EventLogReader reader, ConcurrentDictionary<long, long> read, CancellationToken cancellationToken)
    {
        long after = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var page = await reader.ReadAsync(after, 1000, CancellationToken.None);
            var now = Stopwatch.GetTimestamp();
            foreach (var e in page.Events)
                read.TryAdd(e.Sequence, now);
            if (page.Events.Count > 0)
                after = page.Events[^1].Sequence;
            else
                await Task.Delay(2, CancellationToken.None);
        }
    }

    private sealed class SeenProjection(ConcurrentDictionary<long, long> seen) : IProjection
    {
        public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var e in events)
                seen.TryAdd(e.Sequence, now);
            return Task.CompletedTask;
        }
    }
}

/// <summary>Appends/s reached, and commit-to-seen latencies (ms; infinity for an event never seen).</summary>
internal sealed record LatencyResult(double AppendsPerSecond, double[] Projection, double[] Reader)
{
    public double ProjectionP50 => Percentiles.Of(Projection, 0.50);

    public double ProjectionP99 => Percentiles.Of(Projection, 0.99);

    public double ReaderP50 => Percentiles.Of(Reader, 0.50);

    public double ReaderP99 => Percentiles.Of(Reader, 0.99);
}
