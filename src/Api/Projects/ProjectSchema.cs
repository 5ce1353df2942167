using TaskForge.Api.Schema;
using TaskForge.Api.Tasks;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;
using TaskForge.Projections.Board;

namespace TaskForge.Api.Projects;

/// <summary>GraphQL of projects: <c>project(id)</c>, the Project, Board and Column types.</summary>
public static class ProjectSchema
{
    public const int DefaultTasksPage = 200;
    public const int MaxTasksPage = 500;
    public const int DefaultDeletedPage = 50;
    public const int MaxDeletedPage = 200;

    public static SchemaBuilder BindProjects(this SchemaBuilder schema, IServiceProvider services)
    {
        var boards = services.GetRequiredService<BoardReader>();
        var deleted = services.GetRequiredService<DeletedTaskReader>();
        return schema
            .BindFieldAsync("Query", "project", ctx => LoadAsync(ctx, GlobalId.Parse(ctx.GetArgument<string>("id"), GlobalIdKind.Project, "id")[1]))
            .BindField("Project", "id", ctx => GlobalId.Project(Source(ctx).WorkspaceId, Source(ctx).ProjectId))
            .BindField("Project", "uuid", ctx => Source(ctx).ProjectId.ToString())
            .BindFieldAsync("Project", "workspace", ctx => Workspaces.WorkspaceSchema.LoadAsync(ctx, Source(ctx).WorkspaceId))
            .BindFieldAsync("Project", "board", async ctx =>
                await boards.GetAsync(Caller.Require(ctx).Id, Source(ctx).ProjectId, ctx.CancellationToken)
                ?? throw new GraphQL.GraphQLException("Project was not found.", Domain.ErrorCodes.NotFound))
            .BindFieldAsync("Project", "deletedTasks", async ctx =>
                Connections.Slice(ctx, await deleted.ListAsync(Caller.Require(ctx).Id, Source(ctx).ProjectId, ctx.CancellationToken),
                    t => t.TaskId.ToString("N"), DefaultDeletedPage, MaxDeletedPage))
            .BindField("DeletedTask", "id", ctx =>
            {
                var task = (DeletedTask)ctx.Source!;
                return GlobalId.Task(task.WorkspaceId, task.ProjectId, task.TaskId);
            })
            .BindField("DeletedTask", "uuid", ctx => ((DeletedTask)ctx.Source!).TaskId.ToString())
            .BindFieldAsync("DeletedTask", "deletedBy", async ctx => ((DeletedTask)ctx.Source!).DeletedBy is { } by ? await Users.LoadAsync(ctx, by) : null)
            .BindField("Board", "columns", ctx =>
            {
                var board = (BoardView)ctx.Source!;
                return board.Columns.Select(c => ColumnObject.From(board.WorkspaceId, board.ProjectId, c)).ToList();
            })
            .BindField("Column", "id", ctx => GlobalId.Column(Column(ctx).WorkspaceId, Column(ctx).ProjectId, Column(ctx).ColumnId))
            .BindField("Column", "uuid", ctx => Column(ctx).ColumnId.ToString())
            .BindField("Column", "name", ctx => Column(ctx).Name)
            .BindFieldAsync("Column", "tasks", async ctx =>
            {
                var column = Column(ctx);
                var cards = column.Tasks
                    ?? (await BoardAsync(ctx, column.ProjectId))?.Columns.FirstOrDefault(c => c.ColumnId == column.ColumnId)?.Tasks
                    ?? [];
                var tasks = cards.Select(card => TaskObject.FromCard(column.WorkspaceId, column.ProjectId, column.ColumnId, card)).ToList();
                return Connections.Slice(ctx, tasks, t => t.TaskId.ToString("N"), DefaultTasksPage, MaxTasksPage);
            });
    }

    /// <summary>The project as the caller sees it (null when it does not exist or they are not a member), batched per level.</summary>
    /// <param name="fresh">Read now, past the request's batch cache (for a mutation's payload).</param>
    public static async Task<ProjectSummary?> LoadAsync(ResolveContext context, Guid projectId, bool fresh = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Require(context);
        var projects = context.Services!.GetRequiredService<ProjectReader>();
        if (fresh)
        {
            return (await projects.GetManyAsync(caller.Id, [projectId], context.CancellationToken)).GetValueOrDefault(projectId);
        }

        return await context.GetDataLoader<Guid, ProjectSummary>("projects", async (ids, ct) => await projects.GetManyAsync(caller.Id, [.. ids], ct))
            .LoadAsync(projectId);
    }

    /// <summary>The board of <paramref name="projectId"/> as the caller sees it (null when not a member), read once per request.</summary>
    public static Task<BoardView?> BoardAsync(ResolveContext context, Guid projectId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Require(context);
        var boards = context.Services!.GetRequiredService<BoardReader>();
        return context.GetDataLoader<Guid, BoardView>("boards", async (ids, ct) =>
        {
            var result = new Dictionary<Guid, BoardView>();
            foreach (var id in ids)
            {
                if (await boards.GetAsync(caller.Id, id, ct) is { } board)
                {
                    result[id] = board;
                }
            }

            return result;
        }).LoadAsync(projectId);
    }

    /// <summary>The columns (ids and names, no cards) of <paramref name="projectId"/>, batched over the projects of a request level.</summary>
    public static Task<IReadOnlyList<BoardColumnName>?> ColumnsAsync(ResolveContext context, Guid projectId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = Caller.Require(context);
        var boards = context.Services!.GetRequiredService<BoardReader>();
        return context.GetDataLoader<Guid, IReadOnlyList<BoardColumnName>>("columns", async (ids, ct) => await boards.ColumnsOfAsync(caller.Id, [.. ids], ct))
            .LoadAsync(projectId);
    }

    private static ProjectSummary Source(ResolveContext context) => context.Source switch
    {
        ProjectSummary summary => summary,
        BoardView b => new ProjectSummary(b.ProjectId, b.WorkspaceId, b.Name, b.Description, b.Archived, b.Version, b.EventId),
        var other => throw new InvalidOperationException($"A Project cannot be served from {other?.GetType().Name}."),
    };

    private static ColumnObject Column(ResolveContext context) => (ColumnObject)context.Source!;
}
