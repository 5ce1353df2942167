using Npgsql;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.DeadLetters;
using TaskForge.Projections.Telemetry;

namespace TaskForge.Projections.Rebuild;

/// <summary>What an admin asks of the daemon from any node: start a rebuild, follow its progress, see and replay parked events.</summary>
public sealed class ProjectionAdmin(ReadModelDatabase database)
{
    private readonly GenerationRegistry _registry = new(database.DataSource, database.Schema);

    public ParkedEventStore Parked { get; } = new(database.DataSource, database.Schema);

    /// <summary>Asks the projection's leader to rebuild it from the first event beside the serving generation. False while one runs.</summary>
    public Task<bool> RequestRebuildAsync(string projection, CancellationToken cancellationToken = default) =>
        _registry.RequestRebuildAsync(projection, cancellationToken);

    public Task<GenerationState> GetGenerationsAsync(string projection, CancellationToken cancellationToken = default) =>
        _registry.LoadAsync(projection, cancellationToken);

    /// <summary>The latest rebuild of the projection (null when it was never rebuilt).</summary>
    public async Task<RebuildProgress?> GetRebuildProgressAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT generation, events_done, events_total, events_per_second, eta_seconds, finished_at IS NOT NULL
            FROM {database.Schema}.projection_rebuilds WHERE projection = $1 ORDER BY generation DESC LIMIT 1
            """, projection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var finished = reader.GetBoolean(5);
        var total = reader.GetInt64(2);
        return new RebuildProgress(projection, reader.GetInt32(0), finished ? total : reader.GetInt64(1), total, reader.GetDouble(3),
            reader.IsDBNull(4) ? null : TimeSpan.FromSeconds(reader.GetDouble(4)), finished);
    }

    /// <summary>Every projection of this schema: generations, checkpoint, lag in events and parked events.</summary>
    public async Task<IReadOnlyList<ProjectionState>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT g.projection, g.active_generation, g.active_version, g.building_generation, coalesce(c.position, 0),
                   (SELECT count(*) FROM {database.EventStoreSchema}.events e WHERE e.id > coalesce(c.position, 0)),
                   (SELECT count(*) FROM {database.Schema}.projection_parked p WHERE p.projection = g.projection AND p.generation = g.active_generation),
                   c.updated_at
            FROM {database.Schema}.projection_generations g
            LEFT JOIN {database.EventStoreSchema}.checkpoints c ON c.name = 'projection:' || $1 || ':' || g.projection || ':g' || g.active_generation
            ORDER BY g.projection
            """, database.Schema);
        var states = new List<ProjectionState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(new ProjectionState(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return states;
    }

    /// <summary>The checkpoint of the generation readers see (0 before the first event).</summary>
    public async Task<long> GetCheckpointAsync(string projection, CancellationToken cancellationToken = default)
    {
        var state = await _registry.LoadAsync(projection, cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT position FROM {database.EventStoreSchema}.checkpoints WHERE name = $1", connection);
        command.Parameters.Add(Sql.Parameter(CheckpointNames.For(database.Schema, projection, state.Active)));
        return await command.ExecuteScalarAsync(cancellationToken) is long position ? position : 0;
    }
}
