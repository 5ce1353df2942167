namespace TaskForge.EventStore.Appending;

/// <summary>Who caused an event, in which workspace, as part of which request, and free headers.</summary>
public sealed record EventMetadata(
    string? ActorId,
    Guid? WorkspaceId,
    string? CorrelationId,
    string? CausationId,
    DateTimeOffset Timestamp,
    IReadOnlyDictionary<string, string>? Headers = null);
