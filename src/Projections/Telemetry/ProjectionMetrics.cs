using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TaskForge.Projections.Telemetry;

/// <summary>The daemon's metrics (Meter <c>TaskForge.Projections</c>): lag, throughput, batch sizes, parked events, rebuilds.</summary>
public static class ProjectionMetrics
{
    public const string Name = "TaskForge.Projections";

    private static readonly ConcurrentDictionary<(string Schema, string Name), ProjectionStatus> Statuses = new();

    public static Meter Meter { get; } = new(Name);

    public static Counter<long> EventsProcessed { get; } =
        Meter.CreateCounter<long>("taskforge.projections.events", description: "Events processed, applied or parked (rate: events/s)");

    public static Histogram<int> BatchSize { get; } =
        Meter.CreateHistogram<int>("taskforge.projections.batch.size", description: "Events per committed transaction");

    public static Histogram<double> EventDelay { get; } =
        Meter.CreateHistogram<double>("taskforge.projections.event.delay", "ms", "Time from an event's append to the commit of its projection");

    public static Counter<long> EventsParked { get; } =
        Meter.CreateCounter<long>("taskforge.projections.parked.total", description: "Events parked after failing every attempt");

    static ProjectionMetrics()
    {
        Meter.CreateObservableGauge("taskforge.projections.lag.events", () => Observe(s => s.LagEvents), description: "Events not yet applied");
        Meter.CreateObservableGauge("taskforge.projections.lag.seconds", () => Observe(s => s.LagSeconds), "s", "Age of the oldest event not yet applied");
        Meter.CreateObservableGauge("taskforge.projections.parked", () => Observe(s => s.Parked), description: "Events parked in the dead-letter table");
        Meter.CreateObservableGauge("taskforge.projections.rebuild.progress",
            () => Observe(s => s.Rebuild is { Finished: false } r ? r.Fraction : 1.0), description: "Fraction of a running rebuild done");
        Meter.CreateObservableGauge("taskforge.projections.rebuild.eta",
            () => Observe(s => s.Rebuild is { Finished: false, Eta: { } eta } ? eta.TotalSeconds : 0.0), "s", "Estimated time left of a rebuild");
    }

    /// <summary>The status this process keeps for a projection (one per schema and name).</summary>
    public static ProjectionStatus StatusOf(string schema, string name) => Statuses.GetOrAdd((schema, name), key => new ProjectionStatus(key.Schema, key.Name));

    internal static KeyValuePair<string, object?> Tag(string projection) => new("projection", projection);

    private static IEnumerable<Measurement<T>> Observe<T>(Func<ProjectionStatus, T> value)
        where T : struct =>
        Statuses.Values.Where(s => s.IsLeader).Select(s => new Measurement<T>(value(s), Tag(s.Name), new("schema", s.Schema)));
}
