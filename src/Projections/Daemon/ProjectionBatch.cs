using TaskForge.EventStore.Reading;

namespace TaskForge.Projections.Daemon;

/// <summary>Events to apply, in the global order, and the tables of the generation being written.</summary>
public sealed record ProjectionBatch(IReadOnlyList<RecordedEvent> Events, ProjectionTables Tables);
