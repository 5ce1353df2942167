using System.Runtime.CompilerServices;
using Npgsql;

namespace TaskForge.Integrity.Storage;

/// <summary>A link and, when asked for, the chain hash of its predecessor in its chain.</summary>
internal sealed record LinkRow(ChainLink Link, byte[]? PreviousChainHash);

/// <summary>Reads the chain table in sequence order, in batches.</summary>
internal sealed class LinkRows(NpgsqlDataSource dataSource, IntegrityTables tables)
{
    public async IAsyncEnumerable<LinkRow> RangeAsync(long after, long through, int batchSize, bool withPrevious, string? where,
        Action<NpgsqlCommand>? bind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", ChainLink.Columns.Split(", ").Select(c => "l." + c));
        var sql = withPrevious
            ? $"SELECT {columns}, p.chain_hash FROM {tables.Links} l LEFT JOIN {tables.Links} p ON p.seq = l.prev_seq"
            : $"SELECT {columns} FROM {tables.Links} l";
        var last = after;
        while (last < through)
        {
            var count = 0;
            await using var command = dataSource.CreateCommand(
                $"{sql} WHERE l.seq > $1 AND l.seq <= $2{(where is null ? "" : " AND " + where)} ORDER BY l.seq LIMIT {batchSize}");
            command.Parameters.AddWithValue(last);
            command.Parameters.AddWithValue(through);
            bind?.Invoke(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var link = ChainLink.Read(reader, 0);
                last = link.Sequence;
                count++;
                yield return new LinkRow(link, withPrevious && !reader.IsDBNull(10) ? (byte[])reader[10] : null);
            }

            if (count < batchSize)
                yield break;
        }
    }

    /// <summary>The highest chained sequence (0 when nothing is chained).</summary>
    public async Task<long> ChainedThroughAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT coalesce(max(seq), 0) FROM {tables.Links}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
