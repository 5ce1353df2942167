namespace TaskForge.Integrity;

/// <summary>What the integrity check found wrong first.</summary>
public enum IntegrityBreakKind
{
    /// <summary>The event's data no longer hashes to its chained digest (and no signed redaction explains it).</summary>
    DataChanged,

    /// <summary>The data is as chained but another stored field (type, stream, version, time, headers, ids) is not.</summary>
    MetadataChanged,

    /// <summary>A chained event is no longer in the log.</summary>
    EventMissing,

    /// <summary>An event sits at or below the chained position without a link (inserted afterwards).</summary>
    EventNotChained,

    /// <summary>The event at this position was chained at another one (sequence numbers swapped or rewritten).</summary>
    OrderChanged,

    /// <summary>A link does not follow from its predecessor: the chain table itself was edited.</summary>
    LinkHashMismatch,

    /// <summary>A checkpoint's signature is not the configured key's.</summary>
    CheckpointSignatureInvalid,

    /// <summary>A validly signed checkpoint names another head than the chain has.</summary>
    CheckpointMismatch,

    /// <summary>A chain has links but no signed checkpoint.</summary>
    CheckpointMissing,

    /// <summary>A redaction's signature is not the configured key's.</summary>
    RedactionSignatureInvalid,
}

/// <summary>The first broken link: the event (its global sequence is TaskForge's event id), where it is, and what differs.</summary>
public sealed record IntegrityBreak(
    long Sequence,
    Guid? EventId,
    string? StreamId,
    long? Version,
    string? ChainKey,
    IntegrityBreakKind Kind,
    string Detail)
{
    /// <summary>The kind in words: "data changed", "event missing", ...</summary>
    public string What => Kind switch
    {
        IntegrityBreakKind.DataChanged => "data changed",
        IntegrityBreakKind.MetadataChanged => "metadata changed",
        IntegrityBreakKind.EventMissing => "event missing",
        IntegrityBreakKind.EventNotChained => "event not chained",
        IntegrityBreakKind.OrderChanged => "order changed",
        IntegrityBreakKind.LinkHashMismatch => "link hash mismatch",
        IntegrityBreakKind.CheckpointSignatureInvalid => "checkpoint signature invalid",
        IntegrityBreakKind.CheckpointMismatch => "checkpoint mismatch",
        IntegrityBreakKind.CheckpointMissing => "checkpoint missing",
        IntegrityBreakKind.RedactionSignatureInvalid => "redaction signature invalid",
        _ => Kind.ToString(),
    };

    public override string ToString() =>
        $"event {Sequence}{(StreamId is null ? "" : $" (stream {StreamId} version {Version})")}: {What}: {Detail}";
}

/// <summary>
/// The outcome of a check of one scope ("store", "chain &lt;key&gt;", "stream &lt;id&gt;"): intact, or the first broken link.
/// Only the chained part of the log is checked: events after <see cref="ChainedThrough"/> are not chained yet.
/// </summary>
public sealed record IntegrityReport(
    string Scope,
    bool Intact,
    long EventsChecked,
    long ChainedThrough,
    long RedactedEvents,
    long BytesRead,
    TimeSpan Elapsed,
    IntegrityBreak? FirstBreak)
{
    public override string ToString() => Intact
        ? $"{Scope}: intact ({EventsChecked} events checked through sequence {ChainedThrough}, {RedactedEvents} redacted, {Elapsed.TotalSeconds:F1} s)"
        : $"{Scope}: BROKEN at {FirstBreak} ({EventsChecked} events checked before it)";
}
