namespace TaskForge.Domain.Comments;

public abstract record CommentCommand(Guid ActorId, DateTimeOffset Now) : IWorkspaceScoped
{
    public abstract Guid WorkspaceId { get; init; }

    public abstract Guid ProjectId { get; init; }

    public abstract Guid TaskId { get; init; }

    public abstract Guid CommentId { get; init; }

    public string StreamId => StreamIds.Comment(CommentId);

    /// <summary>Mentions are written <c>@name@example.com</c> (ADR 0043).</summary>
    public sealed record AddComment(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, Guid CommentId, string Body)
        : CommentCommand(ActorId, Now), IRetryableCommand;

    public sealed record EditComment(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, Guid CommentId, string Body)
        : CommentCommand(ActorId, Now);

    public sealed record DeleteComment(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid ProjectId, Guid TaskId, Guid CommentId)
        : CommentCommand(ActorId, Now), IRetryableCommand;
}
