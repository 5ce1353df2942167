using System.Diagnostics;

namespace TaskForge.Bench.Common;

/// <summary>Closed-loop load: N clients each run an operation back to back for a fixed time.</summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan duration, Func<int, long, Task<int>> operation)
    {
        var latencies = new List<double>[clients];
        var units = new long[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var own = latencies[client] = new List<double>(100_000);
            for (long i = 0; clock.Elapsed < duration; i++)
            {
                var started = Stopwatch.GetTimestamp();
                units[client] += await operation(client, i);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed;
        return new LoadResult(latencies.SelectMany(l => l).ToArray(), units.Sum(), elapsed);
    }
}

/// <summary>Interleaved rounds, so that a subject and its baseline see the same background load on a noisy machine.</summary>
public static class Interleaved
{
    public static async Task<LoadResult[]> RunAsync(int clients, int rounds, TimeSpan roundDuration, params Func<int, long, Task<int>>[] operations)
    {
        var results = new List<LoadResult>[operations.Length];
        for (var o = 0; o < operations.Length; o++)
        {
            results[o] = [];
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var o = 0; o < operations.Length; o++)
            {
                results[o].Add(await LoadRunner.RunAsync(clients, roundDuration, operations[o]));
            }
        }

        return results.Select(r => new LoadResult(
            r.SelectMany(x => x.Latencies).ToArray(), r.Sum(x => x.Units), TimeSpan.FromTicks(r.Sum(x => x.Elapsed.Ticks)))).ToArray();
    }
}

/// <summary>Operations' latencies (ms) and the units of work (rows, events) done in the elapsed time.</summary>
public sealed record LoadResult(double[] Latencies, long Units, TimeSpan Elapsed)
{
    public double OperationsPerSecond => Latencies.Length / Elapsed.TotalSeconds;

    public double UnitsPerSecond => Units / Elapsed.TotalSeconds;

    public double P50 => Percentiles.Of(Latencies, 0.50);

    public double P99 => Percentiles.Of(Latencies, 0.99);
}
