using Marten;
using TaskForge.Api.Schema;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Storage.Events;
using TaskForge.Domain;

namespace TaskForge.Bench.Api;

/// <summary>
/// The bulk of the store's history, appended straight to Marten as the command path appends it (headers included):
/// per task a TaskCreated with two assignees, seven edits (renames, moves, priorities, labels, watchers) and a comment,
/// ten events in all.
/// </summary>
internal static class BulkTaskEvents
{
    public const int EventsPerTask = 10;

    public static async Task AppendAsync(IDocumentStore store, IReadOnlyList<BenchTenant> tenants, int tasksPerProject)
    {
        var projects = tenants.SelectMany(t => t.Projects.Select(p => (Tenant: t, Project: GlobalId.TryParse(p)!))).ToList();
        var done = 0;
        await Parallel.ForEachAsync(projects, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, _) =>
        {
            var (tenant, project) = item;
            var random = new Random(project[1].GetHashCode());
            var columns = DefaultBoard.For(project[1]);
            var ranks = new string?[columns.Count];
            for (var batch = 0; batch < tasksPerProject; batch += 20)
            {
                await using var session = store.LightweightSession();
                for (var t = batch; t < Math.Min(batch + 20, tasksPerProject); t++)
                {
                    var column = random.Next(columns.Count);
                    ranks[column] = Rank.After(ranks[column]);
                    AppendTask(session, tenant, project[1], columns, column, ranks[column]!, random, t);
                }

                await session.SaveChangesAsync();
            }

            if (Interlocked.Increment(ref done) % 50 == 0)
                Console.WriteLine($"appended the tasks of {done} of {projects.Count} projects");
        });
    }

    private static void AppendTask(IDocumentSession session, BenchTenant tenant, Guid projectId, IReadOnlyList<BoardColumn> columns, int column, string rank, Random random, int n)
    {
        var workspaceId = tenant.WorkspaceId;
        var members = tenant.Members;
        var actor = members[random.Next(members.Count)].UserId;
        var assignees = new[] { members[random.Next(members.Count)].UserId, members[random.Next(members.Count)].UserId }.Distinct().ToArray();
        var taskId = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow;
        var events = new List<object>
        {
            new TaskEvent.TaskCreated(taskId, projectId, workspaceId, $"Task {n}: ship the quarterly report", "Details to come.", TaskPriority.Medium,
                at.AddDays(7), ["report", $"team-{n % 5}"], assignees, columns[column].ColumnId, rank),
            new TaskEvent.TaskRenamed(taskId, projectId, workspaceId, $"Task {n}: ship the quarterly report, v2"),
            new TaskEvent.TaskPriorityChanged(taskId, projectId, workspaceId, TaskPriority.High),
            new TaskEvent.TaskLabelAdded(taskId, projectId, workspaceId, "q4"),
            new TaskEvent.TaskWatched(taskId, projectId, workspaceId, actor),
            new TaskEvent.TaskDescriptionEdited(taskId, projectId, workspaceId, "Numbers from finance, charts from design."),
            new TaskEvent.TaskRenamed(taskId, projectId, workspaceId, $"Task {n}: ship the quarterly report, final"),
            new TaskEvent.TaskDueDateSet(taskId, projectId, workspaceId, at.AddDays(14)),
            new TaskEvent.TaskLabelAdded(taskId, projectId, workspaceId, "finance"),
        };
        session.Events.StartStream(StreamIds.Task(taskId), [.. events.Select(e => EventEnvelope.Wrap(e).Stamp(actor, workspaceId, at))]);
        var commentId = Guid.CreateVersion7();
        session.Events.StartStream(StreamIds.Comment(commentId), EventEnvelope.Wrap(
            new CommentEvent.CommentAdded(commentId, taskId, projectId, workspaceId, assignees[0], "Draft attached, please review.", [])).Stamp(assignees[0], workspaceId, at));
    }
}
