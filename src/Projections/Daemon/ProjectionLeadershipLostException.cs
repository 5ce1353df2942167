namespace TaskForge.Projections.Daemon;

/// <summary>The checkpoint moved under this runner: another process leads the projection now.</summary>
public sealed class ProjectionLeadershipLostException(string projection, long? expected)
    : Exception($"The checkpoint of projection '{projection}' is no longer at {expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: another process leads it.");
