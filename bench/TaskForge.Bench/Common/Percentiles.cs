namespace TaskForge.Bench.Common;

public static class Percentiles
{
    /// <summary>The nearest-rank percentile of <paramref name="values"/> (0 for none).</summary>
    public static double Of(IReadOnlyCollection<double> values, double fraction)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
