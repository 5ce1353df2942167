namespace TaskForge.Domain.Comments;

public abstract record CommentEvent : IWorkspaceScoped
{
    public abstract Guid CommentId { get; init; }

    public abstract Guid TaskId { get; init; }

    public abstract Guid ProjectId { get; init; }

    public abstract Guid WorkspaceId { get; init; }

    /// <summary>The author is domain data here (only they may edit); mentions are resolved member ids.</summary>
    public sealed record CommentAdded(
        Guid CommentId, Guid TaskId, Guid ProjectId, Guid WorkspaceId, Guid AuthorId, string Body, IReadOnlyList<Guid> MentionedUserIds) : CommentEvent;

    /// <summary><paramref name="MentionedUserIds"/> lists every mention of the new body, old ones included.</summary>
    public sealed record CommentEdited(
        Guid CommentId, Guid TaskId, Guid ProjectId, Guid WorkspaceId, string Body, IReadOnlyList<Guid> MentionedUserIds) : CommentEvent;

    public sealed record CommentDeleted(Guid CommentId, Guid TaskId, Guid ProjectId, Guid WorkspaceId) : CommentEvent;
}
