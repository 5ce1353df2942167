namespace TaskForge.EventStore.Reading;

/// <summary>
/// A page of the global log. <see cref="Withheld"/> is true when committed events exist beyond the visibility
/// horizon, held back until an older transaction finishes: read again shortly rather than waiting for a wake-up.
/// </summary>
public sealed record ReadAllPage(IReadOnlyList<RecordedEvent> Events, bool Withheld);
