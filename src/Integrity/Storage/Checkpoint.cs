using Npgsql;

namespace TaskForge.Integrity.Storage;

/// <summary>The latest signed head of one chain.</summary>
internal sealed record Checkpoint(string ChainKey, long Sequence, byte[] Head, byte[] Signature, DateTimeOffset SignedAt)
{
    public static async Task<Dictionary<string, Checkpoint>> LoadAsync(NpgsqlDataSource dataSource, IntegrityTables tables,
        string? chainKey, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Checkpoint>(StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(
            $"SELECT chain_key, seq, head_hash, signature, signed_at FROM {tables.Checkpoints}{(chainKey is null ? "" : " WHERE chain_key = $1")}");
        if (chainKey is not null)
            command.Parameters.AddWithValue(chainKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var checkpoint = new Checkpoint(reader.GetString(0), reader.GetInt64(1), (byte[])reader[2], (byte[])reader[3],
                reader.GetFieldValue<DateTimeOffset>(4));
            result[checkpoint.ChainKey] = checkpoint;
        }

        return result;
    }
}
