using Npgsql;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Kills PostgreSQL sessions the way a crashed process or a broken network would.</summary>
public static class Backends
{
    public static async Task TerminateAsync(NpgsqlDataSource admin, int processId)
    {
        await using var command = admin.CreateCommand("SELECT pg_terminate_backend($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = processId });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Terminates every session of this database opened with the given application name.</summary>
    public static async Task<int> TerminateApplicationAsync(NpgsqlDataSource admin, string applicationName)
    {
        await using var command = admin.CreateCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND pid <> pg_backend_pid()");
        command.Parameters.Add(new NpgsqlParameter { Value = applicationName });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The application name of the session holding an advisory lock in this database (the leader), if any.</summary>
    public static async Task<string?> AdvisoryLockHolderAsync(NpgsqlDataSource admin)
    {
        await using var command = admin.CreateCommand("""
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() LIMIT 1
            """);
        return await command.ExecuteScalarAsync() as string;
    }
}
