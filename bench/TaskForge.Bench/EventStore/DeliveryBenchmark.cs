using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using TaskForge.Bench.Common;
using TaskForge.EventStore;
using TaskForge.EventStore.Appending;

namespace TaskForge.Bench.EventStore;

/// <summary>Commit-to-subscriber latency at a steady append rate, for an in-process and an other-process subscriber.</summary>
public static class DeliveryBenchmark
{
    public sealed record Result(int Sent, double LocalP50, double LocalP99, double RemoteP50, double RemoteP99, double AckP50, double AckP99);

    public static async Task<Result> RunAsync(PostgresEventStore store, string connectionString, int ratePerSecond, TimeSpan duration)
    {
        await using var remoteDataSource = NpgsqlDataSource.Create(connectionString);
        await using var remote = new PostgresEventStore(remoteDataSource);
        // Warm up: open pooled connections and prepare statements at the same rate, unmeasured.
        var warmUp = Enumerable.Range(0, 200).Select(i => store.AppendAsync($"delivery-warm-{i}", ExpectedVersion.NoStream,
            [new EventData(Guid.CreateVersion7(), "TaskRenamed", """{"title":"x"}""", new EventMetadata("user-1", null, "bench", null, DateTimeOffset.UtcNow))]));
        await Task.WhenAll(warmUp);
        var (_, head) = await LogScan.ToHeadAsync(store, 5000);
        var sentAt = new ConcurrentDictionary<Guid, long>();
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        using var stop = new CancellationTokenSource(duration + TimeSpan.FromSeconds(30));
        var local = ReceiveAsync(store, head, sentAt, total, stop.Token);
        var other = ReceiveAsync(remote, head, sentAt, total, stop.Token);
        await Task.Delay(200); // let both subscribers start listening

        var clock = Stopwatch.StartNew();
        var metadata = new EventMetadata("user-1", Guid.Empty, "bench", null, DateTimeOffset.UtcNow);
        var inFlight = new List<Task>();
        var acks = new ConcurrentBag<double>();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / ratePerSecond);
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var e = new EventData(Guid.CreateVersion7(), "TaskRenamed", """{"title":"x"}""", metadata);
            var sent = sentAt[e.EventId] = Stopwatch.GetTimestamp();
            var stream = $"delivery-{i}";
            inFlight.Add(Task.Run(async () =>
            {
                await store.AppendAsync(stream, ExpectedVersion.NoStream, [e]);
                acks.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
        var localLatencies = await local;
        var remoteLatencies = await other;
        return new Result(total,
            Percentiles.Of(localLatencies, 0.5), Percentiles.Of(localLatencies, 0.99),
            Percentiles.Of(remoteLatencies, 0.5), Percentiles.Of(remoteLatencies, 0.99),
            Percentiles.Of(acks, 0.5), Percentiles.Of(acks, 0.99));
    }

    private static async Task<List<double>> ReceiveAsync(
        PostgresEventStore store, long head, ConcurrentDictionary<Guid, long> sentAt, int total, CancellationToken cancellationToken)
    {
        var latencies = new List<double>(total);
        await foreach (var e in store.SubscribeToAllAsync(head, cancellationToken))
        {
            if (sentAt.TryGetValue(e.EventId, out var sent))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }

            if (latencies.Count == total)
            {
                break;
            }
        }

        return latencies;
    }
}
