using Npgsql;

namespace TaskForge.Bench.EventStore;

/// <summary>The baseline: INSERT transactions into a table with an event's columns and only a primary key.</summary>
internal sealed class RawInserts(NpgsqlDataSource dataSource)
{
    private const string Data = """{"taskId":"7d0c6a8e-3f51-4a43-9c52-0c1a2b3c4d5e","title":"Write the quarterly report","priority":"High"}""";
    private const string Headers = """{"actor-id":"2f0c6a8e-3f51-4a43-9c52-0c1a2b3c4d5e","workspace-id":"1d0c6a8e-3f51-4a43-9c52-0c1a2b3c4d5e"}""";

    public async Task CreateAsync()
    {
        await using var command = dataSource.CreateCommand("""
            DROP TABLE IF EXISTS raw_events;
            CREATE TABLE raw_events (seq_id bigserial PRIMARY KEY, id uuid NOT NULL, stream_id text NOT NULL, version bigint NOT NULL,
                type text NOT NULL, data jsonb NOT NULL, headers jsonb NOT NULL, timestamp timestamptz NOT NULL DEFAULT now());
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One transaction inserting <paramref name="rows"/> rows (a multi-row INSERT for more than one).</summary>
    public async Task<int> InsertAsync(int rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = rows == 1
            ? new NpgsqlCommand("INSERT INTO raw_events (id, stream_id, version, type, data, headers) VALUES ($1, $2, 1, 'task_renamed', $3::jsonb, $4::jsonb)", connection)
            {
                Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = "task-raw" }, new() { Value = Data }, new() { Value = Headers } },
            }
            : new NpgsqlCommand("""
                INSERT INTO raw_events (id, stream_id, version, type, data, headers)
                SELECT gen_random_uuid(), $1, v, 'task_renamed', $2::jsonb, $3::jsonb FROM generate_series(1, $4) v
                """, connection)
            {
                Parameters = { new() { Value = "task-raw" }, new() { Value = Data }, new() { Value = Headers }, new() { Value = rows } },
            };
        await command.ExecuteNonQueryAsync();
        return rows;
    }
}
