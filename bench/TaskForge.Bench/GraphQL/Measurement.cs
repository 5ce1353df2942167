using System.Diagnostics;

namespace TaskForge.Bench.GraphQL;

/// <summary>Throughput and latency percentiles of one operation run back to back on one thread.</summary>
internal sealed record Measurement(long Operations, double Seconds, double P50Microseconds, double P99Microseconds)
{
    public double OperationsPerSecond => Operations / Seconds;

    /// <summary>Runs <paramref name="operation"/> for <paramref name="duration"/>, timing every call.</summary>
    public static async Task<Measurement> RunAsync(Func<ValueTask> operation, TimeSpan duration)
    {
        var samples = new List<long>(1 << 16);
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

        samples.Sort();
        return new Measurement(
            samples.Count,
            (now - start) / (double)Stopwatch.Frequency,
            Percentile(samples, 50),
            Percentile(samples, 99));
    }

    private static double Percentile(List<long> sortedTicks, int percent)
    {
        var index = Math.Min(sortedTicks.Count - 1, (int)(percent / 100.0 * sortedTicks.Count));
        return sortedTicks[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
