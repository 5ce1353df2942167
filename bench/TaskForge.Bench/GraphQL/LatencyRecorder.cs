using System.Diagnostics;

namespace TaskForge.Bench.GraphQL;

/// <summary>Times every call of an operation over one or more rounds and summarizes all rounds together.</summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _samples = new(1 << 20);
    private long _ticks;
    private long _allocated;
    private int _collections;

    /// <summary>Runs <paramref name="operation"/> back to back for <paramref name="duration"/> without recording.</summary>
    public static async Task WarmUpAsync(Func<ValueTask> operation, TimeSpan duration) =>
        await new LatencyRecorder().RecordAsync(operation, duration);

    public async Task RecordAsync(Func<ValueTask> operation, TimeSpan duration)
    {
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
            _samples.Add(now - before);
        }

        _ticks += now - start;
        _allocated += GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        _collections += GC.CollectionCount(0) - collectionsBefore;
    }

    public Measurement Summarize()
    {
        var sorted = _samples.Order().ToList();
        return new Measurement(sorted.Count, _ticks / (double)Stopwatch.Frequency, Percentile(sorted, 50), Percentile(sorted, 99))
        {
            AllocatedBytesPerOperation = _allocated / (double)sorted.Count,
            CollectionsPerThousand = _collections * 1000.0 / sorted.Count,
        };
    }

    private static double Percentile(List<long> sortedTicks, int percent)
    {
        var index = Math.Min(sortedTicks.Count - 1, (int)(percent / 100.0 * sortedTicks.Count));
        return sortedTicks[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
