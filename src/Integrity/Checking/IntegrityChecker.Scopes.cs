using System.Diagnostics;
using NpgsqlTypes;
using TaskForge.Integrity.Hashing;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity;

public sealed partial class IntegrityChecker
{
    /// <summary>
    /// Checks one chain (a workspace: the chain key is the configured header's value): each of its links against its
    /// event and its predecessor, and the chain's head against its signed checkpoint. Events inserted without a link are
    /// found by <see cref="CheckStoreAsync"/>, which sees every position.
    /// </summary>
    public async Task<IntegrityReport> CheckChainAsync(string chainKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chainKey);
        var watch = Stopwatch.StartNew();
        var scope = $"chain {chainKey}";
        var verifier = await VerifierAsync(cancellationToken);
        var through = await _links.ChainedThroughAsync(cancellationToken);
        var checkpoints = await Checkpoint.LoadAsync(_dataSource, _tables, chainKey, cancellationToken);
        var columns = await _events.ColumnsAsync(cancellationToken);
        var linkColumns = string.Join(", ", ChainLink.Columns.Split(", ").Select(c => "l." + c));
        var sql = $"SELECT {linkColumns}, {columns} FROM {_tables.Links} l LEFT JOIN {_tables.Events} e ON e.seq_id = l.seq "
                  + $"WHERE l.chain_key = $1 AND l.seq > $2 ORDER BY l.seq LIMIT {_options.CheckBatchSize}";
        var (previous, previousHash) = (0L, EventDigest.Genesis.ToArray());
        var count = 0L;
        while (true)
        {
            var read = 0;
            await using var command = _dataSource.CreateCommand(sql);
            command.Parameters.AddWithValue(chainKey);
            command.Parameters.AddWithValue(previous);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                read++;
                var link = ChainLink.Read(reader, 0);
                var broken = reader.IsDBNull(10)
                    ? LinkVerifier.Break(link, IntegrityBreakKind.EventMissing, $"event {link.EventId} was chained here and is no longer in the log")
                    : verifier.Verify(_events.Read(reader, 10), link);
                if (broken is null && link.PreviousSequence != previous)
                    broken = link.PreviousSequence > previous
                        ? new IntegrityBreak(link.PreviousSequence, null, null, null, chainKey, IntegrityBreakKind.EventMissing,
                            $"the event chained before sequence {link.Sequence} is gone with its link")
                        : LinkVerifier.Break(link, IntegrityBreakKind.LinkHashMismatch, $"the link names sequence {link.PreviousSequence} as its predecessor; it is {previous}");
                broken ??= VerifyChainHash(link, previousHash);
                if (broken is not null)
                    return Report(scope, count, through, verifier, watch, broken);
                (previous, previousHash) = (link.Sequence, link.ChainHash);
                count++;
            }

            if (read < _options.CheckBatchSize)
                break;
        }

        return Report(scope, count, through, verifier, watch, verifier.VerifyHead(chainKey, previous, previousHash, checkpoints.GetValueOrDefault(chainKey)));
    }

    /// <summary>
    /// Checks one stream: its chained events against their links, each link against its predecessor in its chain, and
    /// that its versions follow one another, so a removed event (with or without its link) is named.
    /// </summary>
    public async Task<IntegrityReport> CheckStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        var watch = Stopwatch.StartNew();
        var scope = $"stream {streamId}";
        var verifier = await VerifierAsync(cancellationToken);
        var through = await _links.ChainedThroughAsync(cancellationToken);
        void Bind(Npgsql.NpgsqlCommand c) => c.Parameters.AddWithValue(NpgsqlDbType.Text, streamId);
        await using var events = _events.RangeAsync(0, through, _options.CheckBatchSize, "e.stream_id::text = $3", Bind, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var links = _links.RangeAsync(0, through, _options.CheckBatchSize, true, "l.stream_id = $3", Bind, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasEvent = await events.MoveNextAsync();
        var hasLink = await links.MoveNextAsync();
        var count = 0L;
        var version = 0L;
        while (hasEvent || hasLink)
        {
            if (hasEvent && (!hasLink || events.Current.Sequence < links.Current.Link.Sequence))
                return Report(scope, count, through, verifier, watch, LinkVerifier.Break(events.Current, IntegrityBreakKind.EventNotChained,
                    "the event is at a chained position but has no link: it was inserted afterwards"));
            var (link, previousHash) = links.Current;
            if (!hasEvent || link.Sequence < events.Current.Sequence)
                return Report(scope, count, through, verifier, watch, LinkVerifier.Break(link, IntegrityBreakKind.EventMissing,
                    $"event {link.EventId} was chained here and is no longer in the log"));

            var broken = verifier.Verify(events.Current, link);
            if (broken is null && link.Version != version + 1)
                broken = LinkVerifier.Break(link, IntegrityBreakKind.EventMissing, $"version {version + 1} of the stream is gone with its link");
            if (broken is null && link.PreviousSequence != 0 && previousHash is null)
                broken = new IntegrityBreak(link.PreviousSequence, null, null, null, link.ChainKey, IntegrityBreakKind.EventMissing,
                    $"the link before sequence {link.Sequence} in chain {link.ChainKey} is gone");
            broken ??= VerifyChainHash(link, previousHash ?? EventDigest.Genesis.ToArray());
            if (broken is not null)
                return Report(scope, count, through, verifier, watch, broken);

            version = link.Version;
            count++;
            hasEvent = await events.MoveNextAsync();
            hasLink = await links.MoveNextAsync();
        }

        return Report(scope, count, through, verifier, watch, null);
    }
}
