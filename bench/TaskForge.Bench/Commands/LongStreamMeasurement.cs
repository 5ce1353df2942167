using System.Diagnostics;
using TaskForge.Api.Commands;
using TaskForge.Api.Commands.Loading;
using TaskForge.Bench.Common;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.EventStore;
using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Serialization;

namespace TaskForge.Bench.Commands;

/// <summary>
/// Loading a task whose stream holds N events: the raw stream read, the read + deserialize + fold the command path does
/// (cold, and from the cached state), and a whole command on it (without and with the cache), each beside the same
/// measurement on a freshly created task (2 events).
/// </summary>
internal static class LongStreamMeasurement
{
    public sealed record Timings(
        double ReadP50, double ColdLoadP50, double ColdLoadP99, double CachedLoadP50, double CachedLoadP99,
        double UncachedCommandP50, double UncachedCommandP99, double CommandP50, double CommandP99);

    public static async Task<Guid> BuildTaskAsync(PostgresEventStore store, BenchBoard board, int events)
    {
        var taskId = await board.NewTaskAsync();
        var serializer = new JsonEventSerializer(DomainEventTypes.ByName);
        var metadata = new EventMetadata(board.Owner.ToString(), board.WorkspaceId, "bench", Guid.NewGuid().ToString(), DateTimeOffset.UtcNow,
            new Dictionary<string, string> { ["command-type"] = "Bench" });
        var version = await store.ReadStreamVersionAsync(StreamIds.Task(taskId));
        for (var written = 0; written < events; written += 500)
        {
            var batch = Enumerable.Range(written, Math.Min(500, events - written))
                .Select(i => MixedEvent(taskId, board, i))
                .Select(e => new EventData(Guid.NewGuid(), serializer.TypeName(e), serializer.Serialize(e), metadata))
                .ToList();
            version = (await store.AppendAsync(StreamIds.Task(taskId), ExpectedVersion.Exactly(version), batch)).StreamVersion;
        }

        return taskId;
    }

    /// <summary>
    /// Cold: no cached state (what a node pays on its first load of the stream, and what every load cost before the
    /// cache). Cached: the handler's <see cref="StateCache"/> holds the state, so only newer events are read.
    /// </summary>
    public static async Task<Timings> MeasureAsync(PostgresEventStore store, CommandHandler handler, BenchBoard board, Guid taskId, int repetitions)
    {
        var stream = StreamIds.Task(taskId);
        var coldLoader = new StreamLoader(store, new JsonEventSerializer(DomainEventTypes.ByName));
        using var uncachedHandler = new CommandHandler(store, new StateCache(minimumVersion: long.MaxValue));
        var reads = await TimeAsync(repetitions, () => store.ReadStreamAsync(stream));
        var cold = await TimeAsync(repetitions, () => coldLoader.LoadAsync<TaskState, TaskEvent>(stream, TaskDecider.Initial, TaskDecider.Evolve, default));
        var cached = await TimeAsync(repetitions, () => handler.Loader.LoadAsync<TaskState, TaskEvent>(stream, TaskDecider.Initial, TaskDecider.Evolve, default));
        var uncachedCommands = await TimeAsync(repetitions, async () => BenchBoard.Must(await uncachedHandler.HandleAsync(board.Rename(taskId, Random.Shared.NextInt64()))));
        var commands = await TimeAsync(repetitions, async () => BenchBoard.Must(await handler.HandleAsync(board.Rename(taskId, Random.Shared.NextInt64()))));
        return new Timings(
            Percentiles.Of(reads, 0.5),
            Percentiles.Of(cold, 0.5),
            Percentiles.Of(cold, 0.99),
            Percentiles.Of(cached, 0.5),
            Percentiles.Of(cached, 0.99),
            Percentiles.Of(uncachedCommands, 0.5),
            Percentiles.Of(uncachedCommands, 0.99),
            Percentiles.Of(commands, 0.5),
            Percentiles.Of(commands, 0.99));
    }

    private static TaskEvent MixedEvent(Guid taskId, BenchBoard board, int i) => (i % 4) switch
    {
        0 => new TaskEvent.TaskRenamed(taskId, board.ProjectId, board.WorkspaceId, $"Write the quarterly report, draft {i}"),
        1 => new TaskEvent.TaskLabelAdded(taskId, board.ProjectId, board.WorkspaceId, $"label-{i % 10}"),
        2 => new TaskEvent.TaskLabelRemoved(taskId, board.ProjectId, board.WorkspaceId, $"label-{(i - 1) % 10}"),
        _ => new TaskEvent.TaskPriorityChanged(taskId, board.ProjectId, board.WorkspaceId, (TaskPriority)(i % 5)),
    };

    private static async Task<double[]> TimeAsync(int repetitions, Func<Task> operation)
    {
        await operation();
        var timings = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return timings;
    }
}
