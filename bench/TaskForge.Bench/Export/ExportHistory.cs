using Marten;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.Storage.Events;

namespace TaskForge.Bench.Export;

/// <summary>
/// A workspace's history appended straight to Marten as the command path writes it, headers included (actor, workspace,
/// time, command type, client IP, user agent): per task a TaskCreated and nine edits.
/// </summary>
internal static class ExportHistory
{
    public const int EventsPerTask = 10;

    /// <summary>Every this many batches of ten tasks, one task of the small workspace is appended too.</summary>
    public const int SmallWorkspaceEvery = 500;

    /// <summary>
    /// Appends <paramref name="events"/> events of <paramref name="workspaceId"/> and, scattered through them, one task of
    /// <paramref name="smallWorkspaceId"/> every <see cref="SmallWorkspaceEvery"/> batches: a small workspace in a large log.
    /// </summary>
    public static async Task AppendAsync(IDocumentStore store, Guid workspaceId, Guid smallWorkspaceId, Guid actorId, int events)
    {
        var tasks = events / EventsPerTask;
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, tasks / 10), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
        {
            await using var session = store.LightweightSession();
            session.CorrelationId = Guid.NewGuid().ToString("N");
            session.CausationId = Guid.NewGuid().ToString();
            for (var t = batch * 10; t < batch * 10 + 10; t++)
                Append(session, workspaceId, actorId, t);
            if (batch % SmallWorkspaceEvery == 0)
                Append(session, smallWorkspaceId, actorId, batch);
            await session.SaveChangesAsync(ct);
            if (Interlocked.Increment(ref done) % 2000 == 0)
                Console.WriteLine($"appended {done * 10 * EventsPerTask:N0} events");
        });
    }

    private static void Append(IDocumentSession session, Guid workspaceId, Guid actorId, int n)
    {
        var projectId = new Guid(n / 1000 + 1, 0, 0, new byte[8]);
        var taskId = Guid.CreateVersion7();
        var column = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow;
        var events = new List<(object Event, string Command)>
        {
            (new TaskEvent.TaskCreated(taskId, projectId, workspaceId, $"Task {n}: ship the quarterly report", "Details to come.", TaskPriority.Medium,
                at.AddDays(7), ["report", $"team-{n % 5}"], [actorId], column, "m"), "CreateTask"),
            (new TaskEvent.TaskRenamed(taskId, projectId, workspaceId, $"Task {n}: ship the quarterly report, v2"), "RenameTask"),
            (new TaskEvent.TaskPriorityChanged(taskId, projectId, workspaceId, TaskPriority.High), "SetTaskPriority"),
            (new TaskEvent.TaskLabelAdded(taskId, projectId, workspaceId, "q4"), "AddTaskLabel"),
            (new TaskEvent.TaskWatched(taskId, projectId, workspaceId, actorId), "WatchTask"),
            (new TaskEvent.TaskDescriptionEdited(taskId, projectId, workspaceId, "Numbers from finance, charts from design."), "EditTaskDescription"),
            (new TaskEvent.TaskRenamed(taskId, projectId, workspaceId, $"Task {n}: ship the quarterly report, final"), "RenameTask"),
            (new TaskEvent.TaskDueDateSet(taskId, projectId, workspaceId, at.AddDays(14)), "SetTaskDueDate"),
            (new TaskEvent.TaskLabelAdded(taskId, projectId, workspaceId, "finance"), "AddTaskLabel"),
            (new TaskEvent.TaskCompleted(taskId, projectId, workspaceId), "CompleteTask"),
        };
        session.Events.StartStream(StreamIds.Task(taskId), [.. events.Select(e =>
        {
            var wrapped = EventEnvelope.Wrap(e.Event).Stamp(actorId, workspaceId, at);
            wrapped.SetHeader(EventHeaders.CommandType, e.Command);
            wrapped.SetHeader(EventHeaders.ClientIp, "198.51.100.23");
            wrapped.SetHeader(EventHeaders.UserAgent, "Mozilla/5.0 (X11; Linux x86_64) TaskForgeWeb/1.0");
            return wrapped;
        })]);
    }
}
