using System.Diagnostics;
using TaskForge.Integrity.Hashing;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity;

public sealed partial class IntegrityChecker
{
    /// <summary>
    /// Checks every chained event: the log and the chain table are walked side by side in sequence order, each event
    /// against its link, each link against its predecessor in the global chain and in its own chain, and every chain's
    /// head against its signed checkpoint.
    /// </summary>
    public async Task<IntegrityReport> CheckStoreAsync(CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var verifier = await VerifierAsync(cancellationToken);
        var through = await _links.ChainedThroughAsync(cancellationToken);
        var checkpoints = await Checkpoint.LoadAsync(_dataSource, _tables, null, cancellationToken);
        var heads = new Dictionary<string, (long Sequence, byte[] Hash)>(StringComparer.Ordinal);
        var globalSequence = 0L;
        var globalHash = EventDigest.Genesis.ToArray();
        var count = 0L;

        await using var events = _events.RangeAsync(0, through, _options.CheckBatchSize, null, null, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var links = _links.RangeAsync(0, through, _options.CheckBatchSize, false, null, null, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasEvent = await events.MoveNextAsync();
        var hasLink = await links.MoveNextAsync();
        while (hasEvent || hasLink)
        {
            if (hasEvent && (!hasLink || events.Current.Sequence < links.Current.Link.Sequence))
                return Report("store", count, through, verifier, watch, LinkVerifier.Break(events.Current, IntegrityBreakKind.EventNotChained,
                    "the event is at a chained position but has no link: it was inserted afterwards"));
            var link = links.Current.Link;
            if (!hasEvent || link.Sequence < events.Current.Sequence)
                return Report("store", count, through, verifier, watch, LinkVerifier.Break(link, IntegrityBreakKind.EventMissing,
                    $"event {link.EventId} was chained here and is no longer in the log"));

            var broken = verifier.Verify(events.Current, link) ?? VerifyLinks(link, heads, globalHash);
            if (broken is not null)
                return Report("store", count, through, verifier, watch, broken);

            heads[link.ChainKey] = (link.Sequence, link.ChainHash);
            globalSequence = link.Sequence;
            globalHash = link.GlobalHash;
            count++;
            hasEvent = await events.MoveNextAsync();
            hasLink = await links.MoveNextAsync();
        }

        var head = verifier.VerifyHead(ChainKeys.Global, globalSequence, globalHash, checkpoints.GetValueOrDefault(ChainKeys.Global));
        foreach (var (key, (sequence, hash)) in heads.OrderBy(h => h.Value.Sequence))
            head ??= verifier.VerifyHead(key, sequence, hash, checkpoints.GetValueOrDefault(key));
        foreach (var orphan in checkpoints.Values.Where(c => c.ChainKey != ChainKeys.Global && !heads.ContainsKey(c.ChainKey)))
            head ??= verifier.VerifyHead(orphan.ChainKey, 0, EventDigest.Genesis.ToArray(), orphan);
        return Report("store", count, through, verifier, watch, head);
    }

    private static IntegrityBreak? VerifyLinks(ChainLink link, Dictionary<string, (long Sequence, byte[] Hash)> heads, byte[] globalHash)
    {
        var (previous, previousHash) = heads.TryGetValue(link.ChainKey, out var head) ? head : (0L, EventDigest.Genesis.ToArray());
        if (link.PreviousSequence != previous)
            return link.PreviousSequence > previous
                ? new IntegrityBreak(link.PreviousSequence, null, null, null, link.ChainKey, IntegrityBreakKind.EventMissing,
                    $"the event chained before sequence {link.Sequence} in chain {link.ChainKey} is gone with its link")
                : LinkVerifier.Break(link, IntegrityBreakKind.LinkHashMismatch,
                    $"the link names sequence {link.PreviousSequence} as its predecessor in chain {link.ChainKey}; it is {previous}");

        var global = EventDigest.Link(globalHash, link.Sequence, link.ContentDigest);
        if (!global.AsSpan().SequenceEqual(link.GlobalHash))
            return LinkVerifier.Break(link, IntegrityBreakKind.LinkHashMismatch,
                "the link does not follow from the previous one in the global chain: a link was removed or edited");
        return VerifyChainHash(link, previousHash);
    }
}
