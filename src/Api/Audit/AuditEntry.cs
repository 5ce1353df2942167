namespace TaskForge.Api.Audit;

/// <summary>
/// One event of the log as auditors see it: where it sits (event id, stream, version), what it says (type, data as
/// stored) and its metadata (Marten's correlation and causation ids, TaskForge's headers). Data and headers stay the
/// JSON text PostgreSQL returns, so the export writes them without deserializing; the headers an entry shows on its own
/// (actor, time, client IP, user agent) are read out by PostgreSQL beside them.
/// </summary>
public sealed record AuditEntry(
    long EventId,
    Guid Id,
    string Type,
    string StreamId,
    long Version,
    DateTimeOffset RecordedAt,
    string? CorrelationId,
    string? CausationId,
    string HeadersJson,
    string DataJson,
    string? ActorHeader = null,
    string? OccurredAtHeader = null,
    string? ClientIp = null,
    string? UserAgent = null)
{
    public Guid? ActorId => Guid.TryParse(ActorHeader, out var actor) ? actor : null;

    /// <summary>When the command happened (its own clock), else when the event was stored.</summary>
    public DateTimeOffset OccurredAt =>
        DateTimeOffset.TryParse(OccurredAtHeader, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out var at) ? at : RecordedAt;
}
