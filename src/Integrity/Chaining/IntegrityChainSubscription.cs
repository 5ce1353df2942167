using TaskForge.Integrity.Chaining;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Npgsql;
using TaskForge.Integrity.Hashing;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity;

/// <summary>
/// Builds the hash chain as a Marten daemon subscription: pages come in global sequence order and never past the
/// high-water mark, and the links written for a page commit in the daemon's transaction with the subscription's
/// progress, so every event is chained exactly once. Started on a store with history, it chains that history first.
/// </summary>
public sealed class IntegrityChainSubscription : SubscriptionBase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly IntegrityTables _tables;
    private readonly EventRows _rows;
    private readonly Signer _signer;
    private readonly IntegrityOptions _options;
    private readonly string _insertLinks;
    private readonly string _upsertCheckpoints;
    private readonly string _headsOf;
    private readonly string _globalHead;
    private ChainBuilder? _builder;
    private long _lastCeiling = -1;

    public IntegrityChainSubscription(NpgsqlDataSource dataSource, IntegrityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _dataSource = dataSource;
        _options = options;
        _tables = new IntegrityTables(options.Schema);
        _rows = new EventRows(dataSource, _tables, options);
        _signer = new Signer(options.SigningKey);
        Name = options.SubscriptionName;
        Options.BatchSize = options.BatchSize;
        _insertLinks = $"INSERT INTO {_tables.Links} ({ChainLink.Columns}) SELECT * FROM unnest(?::bigint[], ?::uuid[], ?::text[], "
                       + "?::bigint[], ?::text[], ?::bigint[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[])";
        _upsertCheckpoints = $"INSERT INTO {_tables.Checkpoints} (chain_key, seq, head_hash, signature, signed_at) "
                             + "SELECT k, s, h, g, now() FROM unnest(?::text[], ?::bigint[], ?::bytea[], ?::bytea[]) AS t(k, s, h, g) "
                             + "ON CONFLICT (chain_key) DO UPDATE SET seq = excluded.seq, head_hash = excluded.head_hash, "
                             + "signature = excluded.signature, signed_at = excluded.signed_at";
        _headsOf = $"SELECT k, l.seq, l.chain_hash FROM unnest($1::text[]) AS k CROSS JOIN LATERAL "
                   + $"(SELECT seq, chain_hash FROM {_tables.Links} WHERE chain_key = k ORDER BY seq DESC LIMIT 1) AS l";
        _globalHead = $"SELECT seq, global_hash FROM {_tables.Links} ORDER BY seq DESC LIMIT 1";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(operations);

        // A page that does not follow the last one means the daemon restarted or a commit failed: what is committed is
        // the truth, so reload the heads from the tables.
        if (_builder is null || page.SequenceFloor != _lastCeiling)
            _builder = await LoadGlobalHeadAsync(cancellationToken);

        var events = new List<StoredEvent>(page.Size);
        if (page.SequenceCeiling > _builder.GlobalSequence)
        {
            // Already chained positions are skipped, so a subscription whose progress was reset never chains twice.
            var after = Math.Max(page.SequenceFloor, _builder.GlobalSequence);
            await foreach (var e in _rows.RangeAsync(after, page.SequenceCeiling, _options.CheckBatchSize, null, null, cancellationToken))
                events.Add(e);
        }

        if (events.Count > 0)
        {
            await LoadChainHeadsAsync(_builder, events, cancellationToken);
            var links = events.Select(_builder.Append).ToList();
            QueueLinks(operations, links);
            QueueCheckpoints(operations, _builder, links);
        }

        _lastCeiling = page.SequenceCeiling;
        return Marten.NullChangeListener.Instance;
    }

    private void QueueLinks(IDocumentOperations operations, List<ChainLink> links) =>
        operations.QueueSqlCommand(_insertLinks,
            links.Select(l => l.Sequence).ToArray(),
            links.Select(l => l.EventId).ToArray(),
            links.Select(l => l.StreamId).ToArray(),
            links.Select(l => l.Version).ToArray(),
            links.Select(l => l.ChainKey).ToArray(),
            links.Select(l => l.PreviousSequence).ToArray(),
            links.Select(l => l.DataDigest).ToArray(),
            links.Select(l => l.ContentDigest).ToArray(),
            links.Select(l => l.ChainHash).ToArray(),
            links.Select(l => l.GlobalHash).ToArray());

    private void QueueCheckpoints(IDocumentOperations operations, ChainBuilder builder, List<ChainLink> links)
    {
        var touched = links.Select(l => l.ChainKey).Distinct(StringComparer.Ordinal).ToList();
        var keys = new List<string>(touched.Count + 1) { ChainKeys.Global };
        var sequences = new List<long>(touched.Count + 1) { builder.GlobalSequence };
        var hashes = new List<byte[]>(touched.Count + 1) { builder.GlobalHash };
        foreach (var key in touched)
        {
            var (sequence, hash) = builder.Heads[key];
            keys.Add(key);
            sequences.Add(sequence);
            hashes.Add(hash);
        }

        var signatures = keys.Select((k, i) => _signer.Checkpoint(k, sequences[i], hashes[i])).ToArray();
        operations.QueueSqlCommand(_upsertCheckpoints, keys.ToArray(), sequences.ToArray(), hashes.ToArray(), signatures);
    }

    private async Task<ChainBuilder> LoadGlobalHeadAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(_globalHead);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ChainBuilder(reader.GetInt64(0), (byte[])reader[1])
            : new ChainBuilder(0, EventDigest.Genesis.ToArray());
    }

    private async Task LoadChainHeadsAsync(ChainBuilder builder, List<StoredEvent> events, CancellationToken cancellationToken)
    {
        var unknown = events.Select(e => e.ChainKey).Distinct(StringComparer.Ordinal).Where(k => !builder.Knows(k)).ToArray();
        if (unknown.Length == 0)
            return;

        await using var command = _dataSource.CreateCommand(_headsOf);
        command.Parameters.AddWithValue(unknown);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            builder.SetHead(reader.GetString(0), reader.GetInt64(1), (byte[])reader[2]);
    }
}
