using System.Diagnostics;
using Npgsql;
using TaskForge.Integrity.Hashing;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity;

/// <summary>
/// Recomputes the chain from the stored events and compares it with the chain table and the signed checkpoints, for the
/// whole store, one chain (a workspace) or one stream. Rows are read in sequence order in batches: memory stays constant
/// whatever the size of the log (beside one head per chain in the store scope). Only the chained part is checked.
/// </summary>
public sealed partial class IntegrityChecker
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IntegrityOptions _options;
    private readonly IntegrityTables _tables;
    private readonly EventRows _events;
    private readonly LinkRows _links;
    private readonly Signer _signer;

    public IntegrityChecker(NpgsqlDataSource dataSource, IntegrityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _dataSource = dataSource;
        _options = options;
        _tables = new IntegrityTables(options.Schema);
        _events = new EventRows(dataSource, _tables, options);
        _links = new LinkRows(dataSource, _tables);
        _signer = new Signer(options.SigningKey);
    }

    private async Task<LinkVerifier> VerifierAsync(CancellationToken cancellationToken)
    {
        var redactions = new Dictionary<long, List<Redaction>>();
        await using var command = _dataSource.CreateCommand($"SELECT {Redaction.Columns} FROM {_tables.Redactions} ORDER BY seq, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var r = Redaction.Read(reader);
            if (!redactions.TryGetValue(r.Sequence, out var list))
                redactions[r.Sequence] = list = [];
            list.Add(r);
        }

        return new LinkVerifier(_signer, redactions);
    }

    private static IntegrityReport Report(string scope, long checkedCount, long through, LinkVerifier verifier, Stopwatch watch, IntegrityBreak? broken) =>
        new(scope, broken is null, checkedCount, through, verifier.RedactedEvents, verifier.BytesRead, watch.Elapsed, broken);

    /// <summary>Checks a link's chain hash against its predecessor's.</summary>
    private static IntegrityBreak? VerifyChainHash(ChainLink link, ReadOnlySpan<byte> previous)
    {
        var expected = EventDigest.Link(previous, link.Sequence, link.ContentDigest);
        return expected.AsSpan().SequenceEqual(link.ChainHash)
            ? null
            : LinkVerifier.Break(link, IntegrityBreakKind.LinkHashMismatch,
                $"the link of chain {link.ChainKey} does not follow from sequence {link.PreviousSequence}: the chain table was edited");
    }
}
