using Npgsql;

namespace TaskForge.Storage.EventLog;

/// <summary>One log position read by a single-value query: 0 when there is no row, or no event table yet.</summary>
internal static class LogScalar
{
    public static async Task<long> ReadAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is long value ? value : 0;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}
