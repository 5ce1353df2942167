using TaskForge.Api.Comments;
using TaskForge.Api.Schema;
using TaskForge.Api.Tasks;
using TaskForge.Api.Workspaces;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;
using TaskForge.Projections.Feeds;
using TaskForge.Projections.Notifications;
using TaskForge.Projections.Search;

namespace TaskForge.Api.Inbox;

/// <summary>GraphQL of what reaches a user: the activity feed, notifications and search.</summary>
public static class InboxSchema
{
    public const int DefaultFeedPage = 50;
    public const int DefaultSearchPage = 20;

    public static SchemaBuilder BindInbox(this SchemaBuilder schema, IServiceProvider services)
    {
        var feeds = services.GetRequiredService<FeedReader>();
        var notifications = services.GetRequiredService<NotificationReader>();
        var search = services.GetRequiredService<SearchReader>();
        return schema
            .BindFieldAsync("Query", "feed", async ctx =>
            {
                var size = Connections.PageSize(ctx, DefaultFeedPage, FeedReader.MaxPageSize);
                var after = Connections.AfterNumber(ctx);
                var workspace = ctx.GetArgument<string>("workspaceId") is { } text ? GlobalId.Parse(text, GlobalIdKind.Workspace, "workspaceId")[0] : (Guid?)null;
                var page = await feeds.ListAsync(Caller.Require(ctx).Id, size, after, workspace, ctx.CancellationToken);
                return Page(page.Entries, e => e.Position, page.NextBefore is not null, after is not null);
            })
            .BindField("FeedEntry", "id", ctx => GlobalId.FeedEntry(((FeedEntry)ctx.Source!).Position))
            .BindField("FeedEntry", "eventId", ctx => ((FeedEntry)ctx.Source!).Position)
            .BindFieldAsync("FeedEntry", "workspace", ctx => WorkspaceSchema.LoadAsync(ctx, ((FeedEntry)ctx.Source!).WorkspaceId))
            .BindFieldAsync("FeedEntry", "actor", async ctx => ((FeedEntry)ctx.Source!).ActorId is { } actor ? await Users.LoadAsync(ctx, actor) : null)
            .BindField("FeedEntry", "targetUuid", ctx => ((FeedEntry)ctx.Source!).TargetId.ToString())
            .BindFieldAsync("FeedEntry", "target", ctx =>
            {
                var entry = (FeedEntry)ctx.Source!;
                return Targets.LoadAsync(ctx, entry.TargetType, entry.WorkspaceId, entry.TargetId);
            })
            .BindFieldAsync("Query", "notifications", async ctx =>
            {
                var size = Connections.PageSize(ctx, DefaultFeedPage, NotificationReader.MaxPageSize);
                var after = Connections.AfterNumber(ctx);
                var page = await notifications.ListAsync(Caller.Require(ctx).Id, size, after, ctx.GetArgument<bool?>("unreadOnly") ?? false, ctx.CancellationToken);
                return Page(page.Notifications, n => n.Position, page.NextBefore is not null, after is not null, page.UnreadCount);
            })
            .BindFieldAsync("Query", "unreadNotificationCount", ctx => notifications.UnreadCountAsync(Caller.Require(ctx).Id, ctx.CancellationToken))
            .BindField("Notification", "id", ctx => GlobalId.Notification(((Notification)ctx.Source!).Position))
            .BindField("Notification", "eventId", ctx => ((Notification)ctx.Source!).Position)
            .BindField("Notification", "targetUuid", ctx => ((Notification)ctx.Source!).TargetId.ToString())
            .BindFieldAsync("Notification", "workspace", ctx => WorkspaceSchema.LoadAsync(ctx, ((Notification)ctx.Source!).WorkspaceId))
            .BindFieldAsync("Notification", "actor", async ctx => ((Notification)ctx.Source!).ActorId is { } actor ? await Users.LoadAsync(ctx, actor) : null)
            .BindFieldAsync("Notification", "target", ctx =>
            {
                var notification = (Notification)ctx.Source!;
                return Targets.LoadAsync(ctx, notification.TargetType, notification.WorkspaceId, notification.TargetId);
            })
            .BindFieldAsync("Query", "search", async ctx =>
            {
                var size = Connections.PageSize(ctx, DefaultSearchPage, SearchReader.MaxResults);
                var offset = (int)Math.Min(Connections.AfterNumber(ctx) ?? 0, SearchReader.MaxResults);
                var workspace = GlobalId.Parse(ctx.GetArgument<string>("workspaceId"), GlobalIdKind.Workspace, "workspaceId")[0];
                var query = ctx.GetArgument<string>("query") ?? "";
                if (query.Length > SearchReader.MaxQueryLength)
                {
                    throw new InputException($"A search query has at most {SearchReader.MaxQueryLength} characters.", "query");
                }

                var wanted = Math.Min(offset + size + 1, SearchReader.MaxResults);
                var hits = offset >= wanted ? [] : await search.SearchAsync(Caller.Require(ctx).Id, query, wanted, workspace, ctx.CancellationToken);
                var page = hits.Skip(offset).Take(size).Select((hit, i) => new Edge<SearchHit>(Connections.Cursor(offset + i + 1), hit)).ToList();
                return new Connection<SearchHit>(page, new PageInfo(hits.Count > offset + size, offset > 0, page.FirstOrDefault()?.Cursor, page.LastOrDefault()?.Cursor));
            })
            .BindFieldAsync("SearchHit", "task", ctx => TaskSchema.LoadAsync(ctx, ((SearchHit)ctx.Source!).TaskId))
            .BindFieldAsync("SearchHit", "comment", async ctx =>
            {
                var hit = (SearchHit)ctx.Source!;
                return hit.Kind == "comment" ? await CommentSchema.LoadAsync(ctx, hit.TaskId, hit.DocumentId) : null;
            });
    }

    private static Connection<T> Page<T>(IReadOnlyList<T> items, Func<T, long> position, bool hasNext, bool hasPrevious, long? unread = null)
    {
        var edges = items.Select(item => new Edge<T>(Connections.Cursor(position(item)), item)).ToList();
        return new Connection<T>(edges, new PageInfo(hasNext, hasPrevious, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor), UnreadCount: unread);
    }
}
