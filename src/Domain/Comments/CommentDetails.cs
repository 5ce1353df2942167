using System.Collections.Immutable;

namespace TaskForge.Domain.Comments;

public sealed record CommentDetails(
    Guid CommentId,
    Guid TaskId,
    Guid ProjectId,
    Guid WorkspaceId,
    Guid AuthorId,
    string Body,
    ImmutableList<Guid> MentionedUserIds);
