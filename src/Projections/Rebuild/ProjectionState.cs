namespace TaskForge.Projections.Rebuild;

/// <summary>An admin's view of one projection: generations, checkpoint, events not yet applied, parked events.</summary>
public sealed record ProjectionState(
    string Projection,
    int ActiveGeneration,
    int ActiveVersion,
    int? BuildingGeneration,
    long Checkpoint,
    long LagEvents,
    long ParkedEvents,
    DateTimeOffset? CheckpointUpdatedAt);
