using TaskForge.Api.Commands.Telemetry;

namespace TaskForge.Api.Operations;

/// <summary>The ActivitySources and Meters the host exports, besides ASP.NET Core's, HttpClient's and the runtime's.</summary>
public static class TelemetrySources
{
    public const string DefaultServiceName = "taskforge-api";

    /// <summary>Marten's spans ("Marten"), Wolverine's ("Wolverine"), Npgsql's (added by <c>AddNpgsql()</c>) and ours.</summary>
    public static IReadOnlyList<string> ActivitySources { get; } = ["Marten", "Wolverine", CommandTelemetry.Name];

    /// <summary>
    /// Marten's meter is "Marten" (its daemon's high-water mark and progress gauges among them); Wolverine names its
    /// meter "Wolverine:" + its service name, hence the wildcard; Npgsql's is "Npgsql".
    /// </summary>
    public static IReadOnlyList<string> Meters { get; } = ["Marten", "Wolverine*", "Npgsql", CommandTelemetry.Name, TaskForge.Realtime.RealtimeMetrics.MeterName];
}
