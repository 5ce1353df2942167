using TaskForge.Api.Accounts;
using TaskForge.Api.Comments;
using TaskForge.Api.Projects;
using TaskForge.Api.Tasks;
using TaskForge.Api.Workspaces;
using TaskForge.GraphQL.Types;
using TaskForge.Projections.Board;
using TaskForge.Projections.Feeds;
using TaskForge.Projections.Membership;
using TaskForge.Projections.Notifications;

namespace TaskForge.Api.Schema;

/// <summary><c>node(id)</c> and the runtime types of the Node and Versioned interfaces.</summary>
public static class NodeSchema
{
    public static SchemaBuilder BindNodes(this SchemaBuilder schema) => schema
        .BindFieldAsync("Query", "node", async ctx =>
        {
            var caller = Caller.Require(ctx);
            if (GlobalId.TryParse(ctx.GetArgument<string>("id")) is not { } id)
            {
                throw new InputException("id is not a TaskForge id.", "id");
            }

            return id.Kind switch
            {
                GlobalIdKind.Workspace => (object?)await WorkspaceSchema.LoadAsync(ctx, id[0]),
                GlobalIdKind.Project => await ProjectSchema.LoadAsync(ctx, id[1]),
                GlobalIdKind.Task => await TaskSchema.LoadAsync(ctx, id[2]),
                GlobalIdKind.Comment => await CommentSchema.LoadAsync(ctx, id[2], id[3]),
                GlobalIdKind.Column => await ColumnAsync(ctx, id),
                GlobalIdKind.User => await UserAsync(ctx, caller, id[0]),
                _ => null,
            };
        })
        .BindTypeResolver("Node", TypeName)
        .BindTypeResolver("Versioned", TypeName);

    private static string? TypeName(object value, GraphQL.Execution.ResolveContext context) => value switch
    {
        WorkspaceMembership => "Workspace",
        ProjectSummary => "Project",
        TaskObject => "Task",
        CommentObject => "Comment",
        ColumnObject => "Column",
        InvitationToYou => "Invitation",
        UserProfile => "User",
        ApiKeyInfo => "ApiKey",
        FeedEntry => "FeedEntry",
        Notification => "Notification",
        _ => null,
    };

    private static async Task<ColumnObject?> ColumnAsync(GraphQL.Execution.ResolveContext ctx, GlobalId id)
    {
        var board = await ProjectSchema.BoardAsync(ctx, id[1]);
        return board?.Columns.FirstOrDefault(c => c.ColumnId == id[2]) is { } column ? ColumnObject.From(board.WorkspaceId, board.ProjectId, column) : null;
    }

    /// <summary>Users are visible to themselves and to people who share a workspace with them.</summary>
    private static async Task<UserProfile?> UserAsync(GraphQL.Execution.ResolveContext ctx, Caller caller, Guid userId)
    {
        if (userId != caller.Id)
        {
            var membership = ctx.Services!.GetRequiredService<MembershipReader>();
            var mine = (await membership.WorkspacesOfAsync(caller.Id, ctx.CancellationToken)).Select(w => w.WorkspaceId).ToHashSet();
            var theirs = await membership.WorkspacesOfAsync(userId, ctx.CancellationToken);
            if (!theirs.Any(w => mine.Contains(w.WorkspaceId)))
            {
                return null;
            }
        }

        return await Users.LoadAsync(ctx, userId);
    }
}
