using Marten;
using Npgsql;

namespace TaskForge.Projections.Storage;

/// <summary>
/// Statements collected for one round trip. PostgreSQL runs them in order in the caller's transaction, so a later
/// statement sees what an earlier one wrote; a projection plans a whole batch of events as one of these.
/// </summary>
public sealed class SqlBatch
{
    private readonly List<(string Sql, object?[] Values)> _statements = [];

    public int Count => _statements.Count;

    public void Add(string sql, params object?[] values) => _statements.Add((sql, values));

    /// <summary>Queues the statements, in order, on a Marten session (the daemon's projection batch).</summary>
    public void QueueOn(IDocumentOperations operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        foreach (var (sql, values) in _statements)
        {
            operations.QueueOperation(new SqlStatementOperation(sql, values));
        }
    }

    public async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (_statements.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, values) in _statements)
        {
            batch.BatchCommands.Add(Sql.BatchCommand(sql, values));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
