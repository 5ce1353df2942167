using Npgsql;
using TaskForge.Integrity.Storage;

namespace TaskForge.Integrity;

/// <summary>The head of a chain at a position: what an export manifest quotes so a later check can prove the export.</summary>
/// <param name="ChainKey">The chain (<see cref="ChainKeys.Global"/> for the whole log).</param>
/// <param name="Sequence">The last chained event of that chain at or before the position asked (0: none yet).</param>
/// <param name="LinkHash">Its link hash, lower-case hex (64 zeros before the first event).</param>
/// <param name="ChainedThrough">How far the whole log is chained: a position past it is not covered yet.</param>
public sealed record ChainHead(string ChainKey, long Sequence, string LinkHash, long ChainedThrough);

/// <summary>Reads chain heads.</summary>
public sealed class ChainHeads(NpgsqlDataSource dataSource, IntegrityOptions options)
{
    private readonly IntegrityTables _tables = new(options?.Schema ?? throw new ArgumentNullException(nameof(options)));

    /// <summary>The head of <paramref name="chainKey"/> at or before <paramref name="atOrBeforeSequence"/>.</summary>
    public async Task<ChainHead> AtAsync(string chainKey, long atOrBeforeSequence, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(chainKey);
        var global = chainKey == ChainKeys.Global;
        await using var command = dataSource.CreateCommand(
            $"SELECT l.seq, {(global ? "l.global_hash" : "l.chain_hash")}, (SELECT coalesce(max(seq), 0) FROM {_tables.Links}) "
            + $"FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT seq, chain_hash, global_hash FROM {_tables.Links} "
            + $"WHERE {(global ? "TRUE" : "chain_key = $2")} AND seq <= $1 ORDER BY seq DESC LIMIT 1) AS l ON TRUE");
        command.Parameters.AddWithValue(atOrBeforeSequence);
        if (!global)
            command.Parameters.AddWithValue(chainKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0)
            ? new ChainHead(chainKey, 0, new string('0', 64), reader.GetInt64(2))
            : new ChainHead(chainKey, reader.GetInt64(0), Convert.ToHexStringLower((byte[])reader[1]), reader.GetInt64(2));
    }
}
