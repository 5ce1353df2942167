using Npgsql;
using NpgsqlTypes;
using TaskForge.Bench.Common;
using TaskForge.Domain;
using TaskForge.EventStore;

namespace TaskForge.Bench.Commands;

/// <summary>
/// What the handler's reads cost on their own: the task, workspace and project streams read as three parallel
/// ReadStream calls (what the command path does), beside one query that reads the three streams in one round trip
/// (what a multi-stream read in the store would allow). Same clients, same tasks, same run.
/// </summary>
internal static class ContextReadMeasurement
{
    public static Task<LoadResult> ThreeReadsAsync(PostgresEventStore store, BenchBoard board, Guid[][] tasks, int clients, TimeSpan duration) =>
        LoadRunner.RunAsync(clients, duration, async (c, i) =>
        {
            var streams = Streams(board, tasks[c][i % tasks[c].Length]);
            await Task.WhenAll(streams.Select(s => store.ReadStreamAsync(s)));
            return 1;
        });

    public static Task<LoadResult> OneQueryAsync(PostgresEventStore store, BenchBoard board, Guid[][] tasks, int clients, TimeSpan duration)
    {
        var sql = $"SELECT id, stream_id, version, event_id, type, data::text, metadata::text, created_at FROM {store.Schema}.events " +
            "WHERE stream_id = ANY(@streams) ORDER BY stream_id, version";
        return LoadRunner.RunAsync(clients, duration, async (c, i) =>
        {
            await using var command = store.DataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<string[]>("streams", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                TypedValue = Streams(board, tasks[c][i % tasks[c].Length]),
            });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                _ = reader.GetString(5);
            }

            return 1;
        });
    }

    private static string[] Streams(BenchBoard board, Guid taskId) =>
        [StreamIds.Task(taskId), StreamIds.Workspace(board.WorkspaceId), StreamIds.Project(board.ProjectId)];
}
