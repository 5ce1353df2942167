namespace TaskForge.Domain.Comments;

public abstract record CommentState
{
    public static CommentState Initial { get; } = new NotCreated();

    public sealed record NotCreated : CommentState;

    public sealed record Active(CommentDetails Details) : CommentState;

    /// <summary>Deleted: hidden from the task, kept for history.</summary>
    public sealed record Deleted(CommentDetails Details) : CommentState;
}
