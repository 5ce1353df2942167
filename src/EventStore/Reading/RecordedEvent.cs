using TaskForge.EventStore.Appending;

namespace TaskForge.EventStore.Reading;

/// <summary>A stored event. <see cref="Position"/> is its global event id: readers see positions strictly increasing.</summary>
public sealed record RecordedEvent(
    long Position,
    string StreamId,
    long Version,
    Guid EventId,
    string Type,
    string Data,
    EventMetadata Metadata,
    DateTimeOffset CreatedAt);
