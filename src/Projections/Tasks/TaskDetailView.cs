using TaskForge.Domain.Tasks;

namespace TaskForge.Projections.Tasks;

/// <summary>A task with everything about it; <see cref="Version"/> is its stream version for the next command.</summary>
public sealed record TaskDetailView(
    Guid TaskId,
    Guid ProjectId,
    Guid WorkspaceId,
    string Title,
    string Description,
    TaskPriority Priority,
    DateTimeOffset? DueDate,
    IReadOnlyList<string> Labels,
    IReadOnlyList<Guid> Assignees,
    IReadOnlyList<Guid> Watchers,
    Guid ColumnId,
    string Rank,
    bool Completed,
    Guid? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    long EventId,
    IReadOnlyList<CommentView> Comments);

/// <summary>A comment on a task, oldest first in <see cref="TaskDetailView.Comments"/>.</summary>
public sealed record CommentView(
    Guid CommentId, Guid TaskId, Guid AuthorId, string Body, IReadOnlyList<Guid> Mentions, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, long Version, long EventId);
