using Npgsql;

namespace TaskForge.Projections.Storage;

/// <summary>
/// Statements collected for one round trip. PostgreSQL runs them in order in the caller's transaction, so a later
/// statement sees what an earlier one wrote; a projection plans a whole batch of events as one of these.
/// </summary>
public sealed class SqlBatch
{
    private readonly List<NpgsqlBatchCommand> _commands = [];

    public int Count => _commands.Count;

    public void Add(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(Sql.Parameter(value));
        }

        _commands.Add(command);
    }

    public async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (_commands.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in _commands)
        {
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
