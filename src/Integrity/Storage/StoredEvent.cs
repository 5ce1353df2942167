namespace TaskForge.Integrity.Storage;

/// <summary>One row of Marten's mt_events as PostgreSQL stores it (jsonb read back as its canonical text).</summary>
internal sealed record StoredEvent(
    long Sequence,
    Guid Id,
    string StreamId,
    long Version,
    string Type,
    DateTime Timestamp,
    string? TenantId,
    string? CorrelationId,
    string? CausationId,
    string? Headers,
    string Data,
    string ChainKey)
{
    /// <summary>Bytes of event content read, for throughput figures.</summary>
    public long Size => Data.Length + (Headers?.Length ?? 0) + Type.Length + StreamId.Length + 64;
}
