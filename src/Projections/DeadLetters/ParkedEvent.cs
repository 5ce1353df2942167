namespace TaskForge.Projections.DeadLetters;

/// <summary>An event a projection failed on every attempt, set aside with its error so the projection could go on.</summary>
public sealed record ParkedEvent(
    string Projection,
    int Generation,
    long Position,
    Guid EventId,
    string StreamId,
    string EventType,
    string Error,
    int Attempts,
    DateTimeOffset ParkedAt,
    bool ReplayRequested);
