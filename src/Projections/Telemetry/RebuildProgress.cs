namespace TaskForge.Projections.Telemetry;

/// <summary>How far a rebuild is: events done of total, the rate, and the estimated time left.</summary>
public sealed record RebuildProgress(string Projection, int Generation, long Done, long Total, double EventsPerSecond, TimeSpan? Eta, bool Finished)
{
    public double Fraction => Total == 0 ? 1 : Math.Min(1, (double)Done / Total);
}
