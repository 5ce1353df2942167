using System.Globalization;
using TaskForge.EventStore.Reading;

namespace TaskForge.Projections.Events;

/// <summary>A recorded event with its deserialized domain event, its actor and the time it happened.</summary>
public sealed record ProjectedEvent(RecordedEvent Recorded, object Event)
{
    public long Position => Recorded.Position;

    /// <summary>The user who caused the event (metadata), or null for system events.</summary>
    public Guid? ActorId => Guid.TryParse(Recorded.Metadata.ActorId, CultureInfo.InvariantCulture, out var actor) ? actor : null;

    /// <summary>When it happened (the command's time, from the metadata).</summary>
    public DateTimeOffset At => Recorded.Metadata.Timestamp;
}
