using Npgsql;

namespace TaskForge.Projections.Daemon;

/// <summary>
/// The generations of each projection (table <c>projection_generations</c>): creates the first one, starts a new one
/// for a rebuild, and switches readers to it atomically by repointing the views in one transaction.
/// </summary>
internal sealed class GenerationRegistry(NpgsqlDataSource dataSource, string schema)
{
    private readonly string _table = schema + ".projection_generations";

    public string Schema => schema;

    /// <summary>Creates generation 1 (tables and views) when the projection has none yet.</summary>
    public async Task<GenerationState> EnsureAsync(IProjection projection, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, projection.Name, cancellationToken);
        if (await LoadAsync(connection, transaction, projection.Name, cancellationToken) is { } existing)
        {
            await transaction.CommitAsync(cancellationToken);
            return existing;
        }

        var tables = new ProjectionTables(schema, 1);
        await Sql.ExecuteAsync(connection, transaction, projection.CreateTablesSql(tables), cancellationToken);
        await PointViewsAsync(connection, transaction, projection, tables, cancellationToken);
        await Sql.ExecuteAsync(connection, transaction,
            $"INSERT INTO {_table} (projection, active_generation, active_version, next_generation) VALUES ($1, 1, $2, 2)",
            cancellationToken, projection.Name, projection.Version);
        await transaction.CommitAsync(cancellationToken);
        return new GenerationState(1, projection.Version, null, null, false);
    }

    public async Task<GenerationState> LoadAsync(string projection, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(connection, null, projection, cancellationToken)
            ?? throw new InvalidOperationException($"The projection '{projection}' is not registered.");
    }

    /// <summary>Creates the tables of a new generation to build beside the active one.</summary>
    public async Task<GenerationState> StartBuildingAsync(IProjection projection, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockAsync(connection, transaction, projection.Name, cancellationToken);
        var state = await LoadAsync(connection, transaction, projection.Name, cancellationToken)
            ?? throw new InvalidOperationException($"The projection '{projection.Name}' is not registered.");
        if (!state.NeedsBuild(projection.Version))
        {
            await transaction.CommitAsync(cancellationToken);
            return state;
        }

        var generation = await Sql.ScalarAsync<int>(connection, transaction,
            $"SELECT next_generation FROM {_table} WHERE projection = $1", cancellationToken, projection.Name);
        var tables = new ProjectionTables(schema, generation);
        await Sql.ExecuteAsync(connection, transaction, DropTablesSql(projection, tables) + projection.CreateTablesSql(tables), cancellationToken);
        await Sql.ExecuteAsync(connection, transaction, $"""
            UPDATE {_table} SET building_generation = $2, building_version = $3, next_generation = $2 + 1, rebuild_requested = false
            WHERE projection = $1;
            """, cancellationToken, projection.Name, generation, projection.Version);
        await Sql.ExecuteAsync(connection, transaction, $"""
            INSERT INTO {schema}.projection_rebuilds (projection, generation) VALUES ($1, $2)
            ON CONFLICT (projection, generation) DO NOTHING
            """, cancellationToken, projection.Name, generation);
        await transaction.CommitAsync(cancellationToken);
        return state with { Building = generation, BuildingVersion = projection.Version, RebuildRequested = false };
    }

    /// <summary>
    /// Makes <paramref name="generation"/> the one readers see: the views are repointed in one transaction, so a reader
    /// sees either the old tables or the new ones, never a missing table. The caller drops the old tables once its runner stopped.
    /// </summary>
    public async Task<bool> SwitchAsync(IProjection projection, int generation, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(connection, transaction, projection.Name, cancellationToken);
            var state = await LoadAsync(connection, transaction, projection.Name, cancellationToken);
            if (state?.Building != generation)
            {
                return false;
            }

            var previous = state.Active;
            await PointViewsAsync(connection, transaction, projection, new ProjectionTables(schema, generation), cancellationToken);
            await Sql.ExecuteAsync(connection, transaction, $"""
                UPDATE {_table} SET active_generation = $2, active_version = building_version, building_generation = NULL,
                    building_version = NULL, switched_at = now()
                WHERE projection = $1
                """, cancellationToken, projection.Name, generation);
            await Sql.ExecuteAsync(connection, transaction, $"DELETE FROM {schema}.projection_parked WHERE projection = $1 AND generation = $2",
                cancellationToken, projection.Name, previous);
            await Sql.ExecuteAsync(connection, transaction, $"""
                UPDATE {schema}.projection_rebuilds SET finished_at = now(), eta_seconds = 0, events_done = events_total
                WHERE projection = $1 AND generation = $2
                """, cancellationToken, projection.Name, generation);
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Drops the tables of a generation readers no longer see, once its runner has stopped (a runner still writing to
    /// dropped tables would fail on every event). Also run at start-up for a drop a crash interrupted.
    /// </summary>
    public async Task DropRetiredAsync(IProjection projection, int generation, CancellationToken cancellationToken)
    {
        if (generation < 1)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, DropTablesSql(projection, new ProjectionTables(schema, generation)), cancellationToken);
        await Sql.ExecuteAsync(connection, null, $"DELETE FROM {schema}.projection_parked WHERE projection = $1 AND generation = $2",
            cancellationToken, projection.Name, generation);
    }

    /// <summary>Asks the leader to rebuild the projection (no effect while a rebuild runs).</summary>
    public async Task<bool> RequestRebuildAsync(string projection, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, null,
            $"UPDATE {_table} SET rebuild_requested = true WHERE projection = $1 AND building_generation IS NULL",
            cancellationToken, projection) == 1;
    }

    private static string DropTablesSql(IProjection projection, ProjectionTables tables) =>
        string.Concat(projection.Tables.Select(t => $"DROP TABLE IF EXISTS {tables[t]} CASCADE;\n"));

    private static async Task PointViewsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IProjection projection, ProjectionTables tables, CancellationToken cancellationToken)
    {
        foreach (var table in projection.Tables)
        {
            // CREATE OR REPLACE keeps the view's identity, so statements waiting on its lock run on the new definition.
            // It refuses a column list that is not an extension of the old one; then the view is recreated.
            await Sql.ExecuteAsync(connection, transaction, "SAVEPOINT view_switch", cancellationToken);
            try
            {
                await Sql.ExecuteAsync(connection, transaction,
                    $"CREATE OR REPLACE VIEW {tables.View(table)} AS SELECT * FROM {tables[table]}", cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidTableDefinition or PostgresErrorCodes.FeatureNotSupported)
            {
                await Sql.ExecuteAsync(connection, transaction, "ROLLBACK TO SAVEPOINT view_switch", cancellationToken);
                await Sql.ExecuteAsync(connection, transaction,
                    $"DROP VIEW IF EXISTS {tables.View(table)}; CREATE VIEW {tables.View(table)} AS SELECT * FROM {tables[table]}", cancellationToken);
            }

            await Sql.ExecuteAsync(connection, transaction, "RELEASE SAVEPOINT view_switch", cancellationToken);
        }
    }

    private async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string projection, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('taskforge.projection.registry.' || $1))",
            cancellationToken, $"{schema}.{projection}");

    private async Task<GenerationState?> LoadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string projection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT active_generation, active_version, building_generation, building_version, rebuild_requested
            FROM {_table} WHERE projection = $1
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = projection });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new GenerationState(
            reader.GetInt32(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetInt32(3),
            reader.GetBoolean(4));
    }
}
