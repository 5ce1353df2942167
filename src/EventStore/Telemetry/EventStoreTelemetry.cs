using System.Diagnostics;
using System.Diagnostics.Metrics;
using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Reading;

namespace TaskForge.EventStore.Telemetry;

/// <summary>The store's OpenTelemetry sources: traces for appends, metrics for appends, conflicts, latency and lag.</summary>
public static class EventStoreTelemetry
{
    public const string Name = "TaskForge.EventStore";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    public static Counter<long> Appends { get; } = Meter.CreateCounter<long>("taskforge.eventstore.appends", description: "Appends that wrote events");

    public static Counter<long> EventsAppended { get; } = Meter.CreateCounter<long>("taskforge.eventstore.events_appended", description: "Events written");

    public static Counter<long> Conflicts { get; } = Meter.CreateCounter<long>("taskforge.eventstore.conflicts", description: "Appends refused for a stale expected version");

    public static Counter<long> IdempotentAppends { get; } = Meter.CreateCounter<long>("taskforge.eventstore.idempotent_appends", description: "Appends whose events were stored already");

    public static Histogram<double> AppendDuration { get; } = Meter.CreateHistogram<double>("taskforge.eventstore.append.duration", "ms", "Append latency");

    public static Histogram<double> SubscriptionLag { get; } = Meter.CreateHistogram<double>("taskforge.eventstore.subscription.lag", "ms", "Time from an event's commit to its delivery to a subscriber");

    internal static void RecordAppend(AppendResult result, TimeSpan elapsed)
    {
        if (result.AlreadyStored)
        {
            return;
        }

        Appends.Add(1);
        EventsAppended.Add(result.Positions.Count);
        AppendDuration.Record(elapsed.TotalMilliseconds);
    }

    internal static void RecordDelivery(RecordedEvent recorded)
    {
        if (SubscriptionLag.Enabled)
        {
            SubscriptionLag.Record((DateTimeOffset.UtcNow - recorded.CreatedAt).TotalMilliseconds);
        }
    }
}
