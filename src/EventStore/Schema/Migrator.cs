using Npgsql;

namespace TaskForge.EventStore.Schema;

/// <summary>
/// Applies migration sets at start-up: idempotent, recorded in <c>schema_migrations</c>, and safe when several
/// nodes start at once (a transaction-scoped advisory lock serialises them; each set applies in one transaction).
/// </summary>
public static class Migrator
{
    public static async Task<IReadOnlyList<string>> ApplyAsync(
        NpgsqlDataSource dataSource, string schema, IEnumerable<MigrationSet> sets, CancellationToken cancellationToken = default)
    {
        var applied = new List<string>();
        foreach (var set in sets)
        {
            applied.AddRange(await ApplySetAsync(dataSource, schema, set, cancellationToken));
        }

        return applied;
    }

    private static async Task<IReadOnlyList<string>> ApplySetAsync(
        NpgsqlDataSource dataSource, string schema, MigrationSet set, CancellationToken cancellationToken)
    {
        SchemaName.Validate(schema);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // CREATE SCHEMA IF NOT EXISTS races with itself (unique violation), so it runs under the lock too.
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(hashtext('taskforge.migrations.' || @schema))", cancellationToken, ("schema", schema));
        await ExecuteAsync(connection, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
                module text NOT NULL,
                version int NOT NULL,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (module, version));
            """, cancellationToken);
        var done = new HashSet<int>();
        await using (var command = new NpgsqlCommand($"SELECT version FROM {schema}.schema_migrations WHERE module = @module", connection))
        {
            command.Parameters.AddWithValue("module", set.Module);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                done.Add(reader.GetInt32(0));
            }
        }

        var applied = new List<string>();
        foreach (var migration in set.Migrations.OrderBy(m => m.Version).Where(m => !done.Contains(m.Version)))
        {
            await ExecuteAsync(connection, migration.Sql.Replace("{schema}", schema, StringComparison.Ordinal), cancellationToken);
            await ExecuteAsync(connection, $"INSERT INTO {schema}.schema_migrations (module, version, name) VALUES (@module, @version, @name)",
                cancellationToken, ("module", set.Module), ("version", migration.Version), ("name", migration.Name));
            applied.Add($"{set.Module}:{migration.Version}:{migration.Name}");
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
