using Npgsql;
using TaskForge.EventStore.Reading;

namespace TaskForge.Projections.DeadLetters;

/// <summary>The dead-letter table <c>projection_parked</c>: parking, listing, and replay requests.</summary>
public sealed class ParkedEventStore(NpgsqlDataSource dataSource, string schema)
{
    private const int MaxErrorLength = 4000;
    private readonly string _table = schema + ".projection_parked";

    internal Task ParkAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string projection, int generation, RecordedEvent recorded,
        Exception error, int attempts, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction, $"""
            INSERT INTO {_table} (projection, generation, position, event_id, stream_id, event_type, error, attempts)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (projection, generation, position)
            DO UPDATE SET error = excluded.error, attempts = {_table}.attempts + excluded.attempts, replay_requested = false, parked_at = now()
            """, cancellationToken,
            projection, generation, recorded.Position, recorded.EventId, recorded.StreamId, recorded.Type, Describe(error), attempts);

    /// <summary>The parked events of the generation readers see, oldest first.</summary>
    public async Task<IReadOnlyList<ParkedEvent>> ListAsync(string projection, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT p.projection, p.generation, p.position, p.event_id, p.stream_id, p.event_type, p.error, p.attempts, p.parked_at, p.replay_requested
            FROM {_table} p JOIN {schema}.projection_generations g ON g.projection = p.projection AND g.active_generation = p.generation
            WHERE p.projection = $1 ORDER BY p.position
            """, projection);
        var parked = new List<ParkedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            parked.Add(new ParkedEvent(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8), reader.GetBoolean(9)));
        }

        return parked;
    }

    /// <summary>Asks the projection's leader to apply a parked event again (e.g. after a fix). False when no such event is parked.</summary>
    public async Task<bool> RequestReplayAsync(string projection, long position, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, null, $"""
            UPDATE {_table} p SET replay_requested = true
            FROM {schema}.projection_generations g
            WHERE p.projection = $1 AND p.position = $2 AND g.projection = p.projection AND g.active_generation = p.generation
            """, cancellationToken, projection, position) == 1;
    }

    internal async Task<long> CountAsync(NpgsqlConnection connection, string projection, int generation, CancellationToken cancellationToken) =>
        await Sql.ScalarAsync<long>(connection, null, $"SELECT count(*) FROM {_table} WHERE projection = $1 AND generation = $2",
            cancellationToken, projection, generation);

    internal async Task<IReadOnlyList<long>> RequestedAsync(NpgsqlConnection connection, string projection, int generation, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null,
            $"SELECT position FROM {_table} WHERE projection = $1 AND generation = $2 AND replay_requested ORDER BY position", projection, generation);
        var positions = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            positions.Add(reader.GetInt64(0));
        }

        return positions;
    }

    /// <summary>Takes a replay request in the caller's transaction (the row lock keeps a second leader off it).</summary>
    internal async Task<bool> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string projection, int generation, long position, CancellationToken cancellationToken) =>
        await Sql.ExecuteAsync(connection, transaction,
            $"DELETE FROM {_table} WHERE projection = $1 AND generation = $2 AND position = $3 AND replay_requested",
            cancellationToken, projection, generation, position) == 1;

    internal async Task FailReplayAsync(string projection, int generation, long position, Exception error, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null,
            $"UPDATE {_table} SET replay_requested = false, attempts = attempts + 1, error = $4 WHERE projection = $1 AND generation = $2 AND position = $3",
            cancellationToken, projection, generation, position, Describe(error));
    }

    private static string Describe(Exception error)
    {
        var text = $"{error.GetType().FullName}: {error.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }
}
