using JasperFx.Events;
using TaskForge.Storage.Events;

namespace TaskForge.Projections.Events;

/// <summary>A Marten event as a projection reads it: its global event id, the domain event, its actor and the time it happened.</summary>
public sealed record ProjectedEvent(IEvent Recorded)
{
    /// <summary>The global event id (Marten's sequence number).</summary>
    public long Position => Recorded.Sequence;

    public object Event => Recorded.Data;

    public string StreamId => Recorded.StreamKey ?? Recorded.StreamId.ToString();

    /// <summary>The user who caused the event, or null for system events.</summary>
    public Guid? ActorId => Recorded.ActorId();

    /// <summary>When it happened (the command's time).</summary>
    public DateTimeOffset At => Recorded.OccurredAt();
}
