using TaskForge.EventStore.Appending;

namespace TaskForge.Api.Commands.History;

/// <summary>One stored event of a stream's history, deserialized to its domain event.</summary>
public sealed record HistoryEntry(long Position, long Version, string Type, object Event, EventMetadata Metadata, DateTimeOffset RecordedAt);
