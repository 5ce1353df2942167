using System.Diagnostics;

namespace TaskForge.Bench.GraphQL;

/// <summary>Throughput and latency percentiles of one operation run back to back on one thread.</summary>
internal sealed record Measurement(long Operations, double Seconds, double P50Microseconds, double P99Microseconds)
{
    /// <summary>Managed bytes allocated per operation (.NET only; 0 for the node baseline).</summary>
    public double AllocatedBytesPerOperation { get; init; }

    /// <summary>Garbage collections (all generations) per 1,000 operations (.NET only).</summary>
    public double CollectionsPerThousand { get; init; }

    public double OperationsPerSecond => Operations / Seconds;

    /// <summary>Runs <paramref name="operation"/> for <paramref name="duration"/>, timing every call.</summary>
    public static async Task<Measurement> RunAsync(Func<ValueTask> operation, TimeSpan duration)
    {
        var samples = new List<long>(1 << 20);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var collectionsBefore = GC.CollectionCount(0);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var now = start;
        while (now < end)
        {
            var before = now;
            await operation();
            now = Stopwatch.GetTimestamp();
            samples.Add(now - before);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        samples.Sort();
        return new Measurement(
            samples.Count,
            (now - start) / (double)Stopwatch.Frequency,
            Percentile(samples, 50),
            Percentile(samples, 99))
        {
            AllocatedBytesPerOperation = allocated / (double)samples.Count,
            CollectionsPerThousand = collections * 1000.0 / samples.Count,
        };
    }

    private static double Percentile(List<long> sortedTicks, int percent)
    {
        var index = Math.Min(sortedTicks.Count - 1, (int)(percent / 100.0 * sortedTicks.Count));
        return sortedTicks[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
