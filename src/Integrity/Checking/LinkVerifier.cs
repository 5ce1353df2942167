using TaskForge.Integrity.Hashing;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity;

/// <summary>Compares one stored event with its link, allowing for the signed redactions of it.</summary>
internal sealed class LinkVerifier(Signer signer, IReadOnlyDictionary<long, List<Redaction>> redactions)
{
    public long RedactedEvents { get; private set; }

    public long BytesRead { get; private set; }

    /// <summary>Null when the event is what was chained (or its signed redaction); else what differs.</summary>
    public IntegrityBreak? Verify(StoredEvent e, ChainLink link)
    {
        BytesRead += e.Size;
        if (e.Id != link.EventId)
            return Break(e, IntegrityBreakKind.OrderChanged,
                $"the chain has event {link.EventId} (stream {link.StreamId} version {link.Version}) at this position; the log has event {e.Id}");

        var dataDigest = EventDigest.Data(e.Data);
        var content = EventDigest.Content(e, dataDigest);
        var expected = link.ContentDigest;
        var redacted = false;
        if (redactions.TryGetValue(e.Sequence, out var list))
        {
            foreach (var r in list)
            {
                if (!r.OriginalDigest.AsSpan().SequenceEqual(expected))
                    continue;
                if (!signer.Verify(signer.Redaction(r.Sequence, r.OriginalDigest, r.RedactedDigest, r.Reason, r.RedactedAt), r.Signature))
                    return Break(e, IntegrityBreakKind.RedactionSignatureInvalid, $"redaction {r.Id} ({r.Reason}) is not signed with the configured key");
                expected = r.RedactedDigest;
                redacted = true;
            }
        }

        if (content.AsSpan().SequenceEqual(expected))
        {
            if (redacted)
                RedactedEvents++;
            return null;
        }

        return !redacted && dataDigest.AsSpan().SequenceEqual(link.DataDigest)
            ? Break(e, IntegrityBreakKind.MetadataChanged, "the data is as chained but its type, stream, version, timestamp, ids or headers are not")
            : Break(e, IntegrityBreakKind.DataChanged, redacted
                ? "the data is neither as chained nor as its signed redaction left it"
                : $"the data hashes to {Convert.ToHexStringLower(dataDigest)}, chained as {Convert.ToHexStringLower(link.DataDigest)}");
    }

    public static IntegrityBreak Break(StoredEvent e, IntegrityBreakKind kind, string detail) =>
        new(e.Sequence, e.Id, e.StreamId, e.Version, e.ChainKey, kind, detail);

    public static IntegrityBreak Break(ChainLink l, IntegrityBreakKind kind, string detail) =>
        new(l.Sequence, l.EventId, l.StreamId, l.Version, l.ChainKey, kind, detail);

    /// <summary>Checks a chain's last link against its signed checkpoint.</summary>
    public IntegrityBreak? VerifyHead(string chainKey, long sequence, byte[] head, Checkpoint? checkpoint)
    {
        if (checkpoint is null)
            return sequence == 0
                ? null
                : new IntegrityBreak(sequence, null, null, null, chainKey, IntegrityBreakKind.CheckpointMissing,
                    $"chain {chainKey} has links through sequence {sequence} but no signed checkpoint");
        if (!signer.Verify(signer.Checkpoint(chainKey, checkpoint.Sequence, checkpoint.Head), checkpoint.Signature))
            return new IntegrityBreak(checkpoint.Sequence, null, null, null, chainKey, IntegrityBreakKind.CheckpointSignatureInvalid,
                $"the checkpoint of chain {chainKey} at sequence {checkpoint.Sequence} is not signed with the configured key: the links were recomputed or the checkpoint edited");
        if (checkpoint.Sequence > sequence)
            return new IntegrityBreak(checkpoint.Sequence, null, null, null, chainKey, IntegrityBreakKind.EventMissing,
                $"chain {chainKey} was signed through sequence {checkpoint.Sequence} but ends at {sequence}: its last events are gone");
        if (checkpoint.Sequence != sequence || !checkpoint.Head.AsSpan().SequenceEqual(head))
            return new IntegrityBreak(sequence, null, null, null, chainKey, IntegrityBreakKind.CheckpointMismatch,
                $"chain {chainKey} ends at sequence {sequence} with head {Convert.ToHexStringLower(head)}; its signed checkpoint is sequence {checkpoint.Sequence}, head {Convert.ToHexStringLower(checkpoint.Head)}");
        return null;
    }
}
