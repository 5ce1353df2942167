using TaskForge.Api.Comments;
using TaskForge.Api.Projects;
using TaskForge.Api.Schema;
using TaskForge.Domain;
using TaskForge.Domain.Tasks;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;
using TaskForge.Projections.Board;
using TaskForge.Projections.History;
using TaskForge.Projections.Tasks;

namespace TaskForge.Api.Tasks;

/// <summary>GraphQL of tasks: <c>task(id)</c>, <c>me { assignedTasks }</c>, the Task type and its history.</summary>
public static class TaskSchema
{
    public const int DefaultCommentsPage = 50;
    public const int MaxCommentsPage = 200;
    public const int DefaultHistoryPage = 50;
    public const int MaxHistoryPage = 200;
    public const int DefaultAssignedPage = 50;
    public const int MaxAssignedPage = 200;

    public static SchemaBuilder BindTasks(this SchemaBuilder schema, IServiceProvider services)
    {
        var history = services.GetRequiredService<StreamHistoryReader>();
        var assigned = services.GetRequiredService<AssignedTaskReader>();
        return schema
            .BindEnum<TaskPriority>("TaskPriority")
            .BindFieldAsync("Me", "assignedTasks", async ctx =>
            {
                var tasks = await assigned.ListAsync(((Accounts.UserProfile)ctx.Source!).Id, ctx.GetArgument<bool?>("includeCompleted") ?? false, ctx.CancellationToken);
                return Connections.Slice(ctx, [.. tasks.Select(t => TaskObject.FromCard(t.WorkspaceId, t.ProjectId, t.ColumnId, t.Card))],
                    t => t.TaskId.ToString("N"), DefaultAssignedPage, MaxAssignedPage);
            })
            .BindFieldAsync("Query", "task", ctx => LoadAsync(ctx, GlobalId.Parse(ctx.GetArgument<string>("id"), GlobalIdKind.Task, "id")[2]))
            .BindField("Task", "id", ctx => GlobalId.Task(Source(ctx).WorkspaceId, Source(ctx).ProjectId, Source(ctx).TaskId))
            .BindField("Task", "uuid", ctx => Source(ctx).TaskId.ToString())
            .BindFieldAsync("Task", "assignees", ctx => Users.LoadManyAsync(ctx, Source(ctx).AssigneeIds))
            .BindFieldAsync("Task", "description", async ctx => (await DetailAsync(ctx))?.Description ?? "")
            .BindFieldAsync("Task", "watchers", async ctx => await Users.LoadManyAsync(ctx, (await DetailAsync(ctx))?.Watchers ?? []))
            .BindFieldAsync("Task", "createdBy", async ctx => (await DetailAsync(ctx))?.CreatedBy is { } by ? await Users.LoadAsync(ctx, by) : null)
            .BindFieldAsync("Task", "createdAt", async ctx => (await DetailAsync(ctx))?.CreatedAt)
            .BindFieldAsync("Task", "updatedAt", async ctx => (await DetailAsync(ctx))?.UpdatedAt)
            .BindFieldAsync("Task", "comments", async ctx =>
            {
                var task = Source(ctx);
                var comments = (await DetailAsync(ctx))?.Comments ?? [];
                return Connections.Slice(ctx, [.. comments.Select(c => new CommentObject(task.WorkspaceId, task.ProjectId, c))],
                    c => c.Comment.CommentId.ToString("N"), DefaultCommentsPage, MaxCommentsPage);
            })
            .BindFieldAsync("Task", "project", ctx => ProjectSchema.LoadAsync(ctx, Source(ctx).ProjectId))
            .BindFieldAsync("Task", "column", async ctx =>
            {
                var task = Source(ctx);
                var columns = await ProjectSchema.ColumnsAsync(ctx, task.ProjectId);
                return columns?.FirstOrDefault(c => c.ColumnId == task.ColumnId) is { } column
                    ? new ColumnObject(task.WorkspaceId, task.ProjectId, column.ColumnId, column.Name, null)
                    : null;
            })
            .BindFieldAsync("Task", "history", async ctx =>
            {
                var size = Connections.PageSize(ctx, DefaultHistoryPage, MaxHistoryPage);
                var after = Connections.AfterNumber(ctx) ?? 0;
                try
                {
                    var entries = await history.ReadAsync(Caller.Require(ctx).Id, StreamIds.Task(Source(ctx).TaskId), after + 1, ctx.CancellationToken);
                    return Connections.FromProbe([.. entries.Take(size + 1)], size, e => e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), after > 0);
                }
                catch (Projections.Access.WorkspaceAccessDeniedException)
                {
                    throw new GraphQL.GraphQLException("Task was not found.", ErrorCodes.NotFound);
                }
            })
            .BindField("HistoryEntry", "data", ctx => System.Text.Json.JsonDocument.Parse(((StreamHistoryEntry)ctx.Source!).Data).RootElement)
            .BindField("HistoryEntry", "eventId", ctx => ((StreamHistoryEntry)ctx.Source!).Position)
            .BindField("HistoryEntry", "type", ctx => ((StreamHistoryEntry)ctx.Source!).Type)
            .BindFieldAsync("HistoryEntry", "actor", async ctx =>
                Guid.TryParse(((StreamHistoryEntry)ctx.Source!).ActorId, out var actor) ? await Users.LoadAsync(ctx, actor) : null);
    }

    /// <summary>The task as the caller sees it (null when it does not exist, was deleted, or they are not a member), batched.</summary>
    /// <param name="fresh">Read now, past the request's batch cache (for a mutation's payload).</param>
    public static async Task<TaskObject?> LoadAsync(ResolveContext context, Guid taskId, bool fresh = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var detail = fresh
            ? await context.Services!.GetRequiredService<TaskDetailReader>().GetAsync(Caller.Require(context).Id, taskId, context.CancellationToken)
            : await DetailLoader(context).LoadAsync(taskId);
        return detail is null ? null : TaskObject.FromDetail(detail);
    }

    private static async Task<TaskDetailView?> DetailAsync(ResolveContext context)
    {
        var task = Source(context);
        return task.Detail ?? await DetailLoader(context).LoadAsync(task.TaskId);
    }

    private static GraphQL.DataLoader.BatchDataLoader<Guid, TaskDetailView> DetailLoader(ResolveContext context)
    {
        var caller = Caller.Require(context);
        var details = context.Services!.GetRequiredService<TaskDetailReader>();
        return context.GetDataLoader<Guid, TaskDetailView>("taskDetails", async (ids, ct) => await details.GetManyAsync(caller.Id, [.. ids], ct));
    }

    private static TaskObject Source(ResolveContext context) => (TaskObject)context.Source!;
}
