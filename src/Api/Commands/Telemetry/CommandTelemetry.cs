using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TaskForge.Api.Commands.Telemetry;

/// <summary>The command path's OpenTelemetry sources: a span per command, counters for outcomes, conflicts, retries.</summary>
public static class CommandTelemetry
{
    public const string Name = "TaskForge.Commands";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    public static Counter<long> Handled { get; } =
        Meter.CreateCounter<long>("taskforge.commands.handled", description: "Commands handled, by command type and outcome code");

    public static Counter<long> Conflicts { get; } =
        Meter.CreateCounter<long>("taskforge.commands.conflicts", description: "Appends that met a newer stream version");

    public static Counter<long> Retries { get; } =
        Meter.CreateCounter<long>("taskforge.commands.retries", description: "Commands reloaded and decided again after a conflict");

    public static Counter<long> StaleCache { get; } =
        Meter.CreateCounter<long>("taskforge.commands.stale_cache", description: "Commands decided on cached states that had changed, then read and decided again");

    public static Counter<long> Replays { get; } =
        Meter.CreateCounter<long>("taskforge.commands.replays", description: "Keyed commands answered with their first result");

    public static Counter<long> SideEffectsDelivered { get; } =
        Meter.CreateCounter<long>("taskforge.commands.committed_delivered", description: "Committed commands delivered from the outbox to their observers");

    public static Histogram<double> Duration { get; } =
        Meter.CreateHistogram<double>("taskforge.commands.duration", "ms", "Time to handle a command, loads and retries included");

    internal static void Record(string commandType, CommandResult result, TimeSpan elapsed)
    {
        var outcome = result is CommandResult.Failed failed ? failed.Code : "OK";
        var tags = new TagList { { "command", commandType }, { "outcome", outcome } };
        Handled.Add(1, tags);
        Duration.Record(elapsed.TotalMilliseconds, tags);
    }
}
