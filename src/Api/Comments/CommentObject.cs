using TaskForge.Projections.Tasks;

namespace TaskForge.Api.Comments;

/// <summary>A comment as GraphQL serves it: with the ids that locate it.</summary>
public sealed record CommentObject(Guid WorkspaceId, Guid ProjectId, CommentView Comment)
{
    public string Body => Comment.Body;

    public DateTimeOffset CreatedAt => Comment.CreatedAt;

    public DateTimeOffset? EditedAt => Comment.EditedAt;

    public long Version => Comment.Version;

    public long EventId => Comment.EventId;
}
