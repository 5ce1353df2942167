using TaskForge.Bench.Common;
using TaskForge.Domain;
using TaskForge.EventStore;
using TaskForge.EventStore.Reading;

namespace TaskForge.Bench.Commands;

/// <summary>
/// What the handler's reads cost on their own: the task, workspace and project streams read as three parallel
/// ReadStream calls (how the command path read at first), beside the store's ReadStreamsAsync, one round trip for the
/// three (what the command path does now). Same clients, same tasks, same run.
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

    public static Task<LoadResult> OneQueryAsync(PostgresEventStore store, BenchBoard board, Guid[][] tasks, int clients, TimeSpan duration) =>
        LoadRunner.RunAsync(clients, duration, async (c, i) =>
        {
            var streams = Streams(board, tasks[c][i % tasks[c].Length]);
            await store.ReadStreamsAsync([.. streams.Select(s => new StreamSlice(s))]);
            return 1;
        });

    private static string[] Streams(BenchBoard board, Guid taskId) =>
        [StreamIds.Task(taskId), StreamIds.Workspace(board.WorkspaceId), StreamIds.Project(board.ProjectId)];
}
