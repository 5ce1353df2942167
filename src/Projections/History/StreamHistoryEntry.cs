namespace TaskForge.Projections.History;

/// <summary>One event of a stream's history as stored: its global id, version, type, JSON body, actor and time.</summary>
public sealed record StreamHistoryEntry(long Position, long Version, string Type, string Data, string? ActorId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);
