namespace TaskForge.Api.Commands.History;

/// <summary>One stored event of a stream's history, deserialized to its domain event, with its metadata.</summary>
public sealed record HistoryEntry(long Position, long Version, string Type, object Event, HistoryMetadata Metadata, DateTimeOffset RecordedAt);

/// <summary>Who caused an event, in which workspace, as part of which request, and its headers.</summary>
public sealed record HistoryMetadata(
    string? ActorId,
    Guid? WorkspaceId,
    string? CorrelationId,
    string? CausationId,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string?> Headers);
