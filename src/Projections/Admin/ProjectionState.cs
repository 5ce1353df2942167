namespace TaskForge.Projections.Admin;

/// <summary>
/// An admin's view of one read model: the version readers are served, the version this code projects and how far it
/// is, the daemon's high-water mark, and how many events it set aside as dead letters.
/// </summary>
public sealed record ProjectionState(
    string Projection,
    int? ServingVersion,
    int CodeVersion,
    long Progression,
    long HighWaterMark,
    long DeadLetters)
{
    /// <summary>Events certified by the high-water mark that this version has not applied yet.</summary>
    public long LagEvents => Math.Max(0, HighWaterMark - Progression);

    /// <summary>True while this version is being built beside the one readers are served.</summary>
    public bool Building => ServingVersion is null || ServingVersion < CodeVersion;

    /// <summary>The share of the log this version has applied (1 when caught up).</summary>
    public double Fraction => HighWaterMark == 0 ? 1 : Math.Min(1, (double)Progression / HighWaterMark);
}
