using Marten;
using Npgsql;

namespace TaskForge.Projections.Runtime;

/// <summary>
/// Fails a daemon batch whose progression write did not land (ADR 0124). Marten 9.58 writes the shard's progression
/// in each batch as a compare-and-set, but only logs a write that matched no row (its issue 5502), so a second
/// runner of the shard would commit its rows for a range the first runner already committed. Just before the commit,
/// on the batch's own connection, this checks that the shard's progression row was written by this transaction, and
/// throws otherwise: the batch rolls back and Marten pauses the shard and restarts it from the stored progression.
/// </summary>
internal sealed class ProgressionFence(string progressionTable, string shardName) : ITransactionParticipant
{
    public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM {progressionTable} WHERE name = $1 AND xmin = pg_current_xact_id()::xid)",
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = shardName });
        if (await command.ExecuteScalarAsync(token) is not true)
            throw new ProgressionFenceException(shardName);
    }
}
