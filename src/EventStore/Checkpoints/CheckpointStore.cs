using Npgsql;
using NpgsqlTypes;

namespace TaskForge.EventStore.Checkpoints;

/// <summary>
/// Named positions of subscribers. Stores are compare-and-set and can run in the caller's transaction, so a
/// reader can commit its effects and its checkpoint atomically.
/// </summary>
public sealed class CheckpointStore(NpgsqlDataSource dataSource, string schema)
{
    private readonly string _table = schema + ".checkpoints";

    /// <summary>The stored position, or null when the subscriber never stored one.</summary>
    public async Task<long?> LoadAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(connection, null, name, cancellationToken);
    }

    public async Task<long?> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string name, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand($"SELECT position FROM {_table} WHERE name = @name", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("name", NpgsqlDbType.Text) { TypedValue = name });
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : null;
    }

    /// <summary>
    /// Moves the checkpoint from <paramref name="expected"/> (null: none stored yet) to <paramref name="next"/>.
    /// Returns false, changing nothing, when the stored value is not <paramref name="expected"/>.
    /// </summary>
    public async Task<bool> TryStoreAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string name, long? expected, long next, CancellationToken cancellationToken = default)
    {
        var sql = expected is null
            ? $"INSERT INTO {_table} (name, position) VALUES (@name, @next) ON CONFLICT (name) DO NOTHING"
            : $"UPDATE {_table} SET position = @next, updated_at = now() WHERE name = @name AND position = @expected";
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("name", NpgsqlDbType.Text) { TypedValue = name });
        command.Parameters.Add(new NpgsqlParameter<long>("next", NpgsqlDbType.Bigint) { TypedValue = next });
        command.Parameters.Add(new NpgsqlParameter<long>("expected", NpgsqlDbType.Bigint) { TypedValue = expected ?? 0 });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> TryStoreAsync(string name, long? expected, long next, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await TryStoreAsync(connection, null, name, expected, next, cancellationToken);
    }
}
