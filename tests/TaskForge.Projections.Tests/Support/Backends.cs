using JasperFx.Events.Projections;
using Npgsql;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Ends PostgreSQL sessions the way a crashed process would, and tells who holds a projection's leadership.</summary>
public static class Backends
{
    /// <summary>Terminates every session of this database opened with the given application name.</summary>
    public static async Task<int> TerminateApplicationAsync(NpgsqlDataSource admin, string applicationName)
    {
        await using var command = admin.CreateCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND pid <> pg_backend_pid()");
        command.Parameters.Add(new NpgsqlParameter { Value = applicationName });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The application name of the session holding the HotCold advisory lock of one projection shard (Marten takes
    /// one lock per shard, keyed by the events schema and the shard's identity), or null when no node holds it.
    /// </summary>
    public static async Task<string?> LeaderOfAsync(NpgsqlDataSource admin, string schema, string martenName)
    {
        var lockId = JasperFx.Events.Daemon.ProjectionLockIds.Compute(schema, new ShardName(martenName), 4444);
        await using var command = admin.CreateCommand("""
            SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = $1::bigint AND a.datname = current_database()
            LIMIT 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (long)lockId });
        return await command.ExecuteScalarAsync() as string;
    }
}
