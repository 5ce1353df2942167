using Npgsql;
using TaskForge.Projections.Events;
using TaskForge.Projections.Runtime;

namespace TaskForge.Projections.Versions;

/// <summary>
/// Which version of each read model readers are served (ADR 0074). Each version has tables of its own; the views
/// readers query point at the serving version. A newly deployed version is projected from the first event beside the
/// serving one and takes over, in one transaction that swaps the views, once its progression reaches the daemon's
/// high-water mark. A first deployment serves its version at once.
/// </summary>
public sealed class ReadModelVersions(ReadModelDatabase database)
{
    private const long LockKey = 0x7461736b_666f7267; // "taskforg": one creator or switcher at a time per database
    private readonly string _schema = database.Schema;

    /// <summary>Creates the schema, each projection's tables for its version, and the views when nothing serves yet.</summary>
    public async Task EnsureAsync(IEnumerable<DomainProjection> projections, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, LockKey);
        await Sql.ExecuteAsync(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {_schema};
            CREATE TABLE IF NOT EXISTS {_schema}.projection_versions (
                projection text PRIMARY KEY, serving_version int NOT NULL, switched_at timestamptz NOT NULL DEFAULT now());
            """, cancellationToken);
        foreach (var projection in projections)
        {
            var tables = new ProjectionTables(_schema, projection.Version);
            var exists = await Sql.ScalarAsync<bool>(connection, transaction, "SELECT to_regclass($1) IS NOT NULL", cancellationToken,
                tables[projection.Tables[0]]);
            if (!exists)
                await Sql.ExecuteAsync(connection, transaction, projection.CreateTablesSql(tables), cancellationToken);
            if (await ServingAsync(connection, transaction, projection.Name, cancellationToken) is null)
                await ServeAsync(connection, transaction, projection, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The version readers are served, or null before the projection was first deployed.</summary>
    public async Task<int?> ServingVersionAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await ServingAsync(connection, null, projection, cancellationToken);
    }

    /// <summary>
    /// Serves <paramref name="projection"/>'s version when it is newer than the serving one and its progression has
    /// reached <paramref name="highWaterMark"/>. True when it switched.
    /// </summary>
    public async Task<bool> TrySwitchAsync(DomainProjection projection, long progression, long highWaterMark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (progression < highWaterMark)
            return false;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock($1)", cancellationToken, LockKey);
        if (await ServingAsync(connection, transaction, projection.Name, cancellationToken) is { } serving && serving >= projection.Version)
            return false;
        await ServeAsync(connection, transaction, projection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<int?> ServingAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string projection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction,
            $"SELECT serving_version FROM {_schema}.projection_versions WHERE projection = $1", projection);
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken) is int version ? version : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    // DDL is transactional in PostgreSQL: readers see the old views until this commits, then the new ones.
    private async Task ServeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DomainProjection projection, CancellationToken cancellationToken)
    {
        var tables = new ProjectionTables(_schema, projection.Version);
        foreach (var table in projection.Tables)
        {
            await Sql.ExecuteAsync(connection, transaction,
                $"DROP VIEW IF EXISTS {tables.View(table)}; CREATE VIEW {tables.View(table)} AS SELECT * FROM {tables[table]}", cancellationToken);
        }

        await Sql.ExecuteAsync(connection, transaction, $"""
            INSERT INTO {_schema}.projection_versions (projection, serving_version) VALUES ($1, $2)
            ON CONFLICT (projection) DO UPDATE SET serving_version = excluded.serving_version, switched_at = now()
            """, cancellationToken, projection.Name, projection.Version);
    }
}
