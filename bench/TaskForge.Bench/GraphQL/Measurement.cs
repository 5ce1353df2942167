namespace TaskForge.Bench.GraphQL;

/// <summary>Throughput and latency percentiles of one operation run back to back on one thread.</summary>
internal sealed record Measurement(long Operations, double Seconds, double P50Microseconds, double P99Microseconds)
{
    public double OperationsPerSecond => Operations / Seconds;

    /// <summary>Managed bytes allocated per operation (.NET only; 0 for the node baseline).</summary>
    public double AllocatedBytesPerOperation { get; init; }

    /// <summary>Garbage collections (all generations) per 1,000 operations (.NET only).</summary>
    public double CollectionsPerThousand { get; init; }
}
