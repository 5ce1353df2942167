using Npgsql;
using TaskForge.Projections.Events;
using TaskForge.Projections.Runtime;

namespace TaskForge.Projections.Tests.Support;

/// <summary>
/// Kills a daemon's session from inside its own projection transaction: triggers on every read-model table and on
/// Marten's progression rows pick a share of the transactions (<c>probability</c>) and terminate each picked one after
/// one to eight of its writes (the progression row is written first, then the rows), before it can commit. Only
/// sessions whose application name starts with the given prefix are killed. A sequence (not rolled back) counts the kills.
/// </summary>
public static class ChaosTriggers
{
    public static async Task InstallAsync(NpgsqlDataSource dataSource, string schema, IEnumerable<DomainProjection> projections, string victims, double probability)
    {
        var sql = new System.Text.StringBuilder($"""
            CREATE SEQUENCE {schema}.chaos_kills;
            CREATE FUNCTION {schema}.chaos() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                remaining int;
            BEGIN
                IF current_setting('application_name') NOT LIKE '{victims}%' THEN
                    RETURN NULL;
                END IF;
                -- The first write of a transaction decides whether it dies, and after how many more writes.
                remaining := coalesce(nullif(current_setting('chaos.remaining', true), ''), '-2')::int;
                IF remaining = -2 THEN
                    remaining := CASE WHEN random() < {probability.ToString(System.Globalization.CultureInfo.InvariantCulture)} THEN 1 + floor(random() * 8)::int ELSE -1 END;
                END IF;
                IF remaining > 0 THEN
                    remaining := remaining - 1;
                END IF;
                PERFORM set_config('chaos.remaining', remaining::text, true);
                IF remaining = 0 THEN
                    PERFORM nextval('{schema}.chaos_kills');
                    PERFORM pg_terminate_backend(pg_backend_pid());
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER chaos AFTER INSERT OR UPDATE ON {schema}.mt_event_progression
                FOR EACH ROW WHEN (NEW.name <> 'HighWaterMark') EXECUTE FUNCTION {schema}.chaos();
            """);
        foreach (var projection in projections)
        {
            var tables = new ProjectionTables(schema, projection.Version);
            foreach (var table in projection.Tables)
                sql.Append($"CREATE TRIGGER chaos AFTER INSERT OR UPDATE OR DELETE ON {tables[table]} FOR EACH STATEMENT EXECUTE FUNCTION {schema}.chaos();\n");
        }

        await using var command = dataSource.CreateCommand(sql.ToString());
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many sessions the triggers killed inside a projection transaction.</summary>
    public static async Task<long> KillsAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var command = dataSource.CreateCommand($"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {schema}.chaos_kills");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
