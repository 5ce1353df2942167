using TaskForge.Api.Schema;
using TaskForge.Api.Tasks;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;

namespace TaskForge.Api.Comments;

/// <summary>GraphQL of comments: the Comment type.</summary>
public static class CommentSchema
{
    public static SchemaBuilder BindComments(this SchemaBuilder schema) => schema
        .BindField("Comment", "id", ctx => GlobalId.Comment(Source(ctx).WorkspaceId, Source(ctx).ProjectId, Source(ctx).Comment.TaskId, Source(ctx).Comment.CommentId))
        .BindField("Comment", "uuid", ctx => Source(ctx).Comment.CommentId.ToString())
        .BindFieldAsync("Comment", "author", ctx => Users.LoadAsync(ctx, Source(ctx).Comment.AuthorId))
        .BindFieldAsync("Comment", "mentions", ctx => Users.LoadManyAsync(ctx, Source(ctx).Comment.Mentions))
        .BindFieldAsync("Comment", "task", ctx => TaskSchema.LoadAsync(ctx, Source(ctx).Comment.TaskId));

    /// <summary>The comment as the caller sees it (null when it, or its task, is gone or hidden).</summary>
    public static async Task<CommentObject?> LoadAsync(ResolveContext context, Guid taskId, Guid commentId, bool fresh = false) =>
        await TaskSchema.LoadAsync(context, taskId, fresh) is { Detail: { } detail } task
        && detail.Comments.FirstOrDefault(c => c.CommentId == commentId) is { } comment
            ? new CommentObject(task.WorkspaceId, task.ProjectId, comment)
            : null;

    private static CommentObject Source(ResolveContext context) => (CommentObject)context.Source!;
}
