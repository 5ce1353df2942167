using TaskForge.Domain.Tasks;

namespace TaskForge.Projections.Board;

/// <summary>A project's board: its columns in order, each with its tasks in rank order.</summary>
/// <see cref="Version"/> is the project stream's version and <see cref="EventId"/> the last project event it reflects.
public sealed record BoardView(
    Guid ProjectId, Guid WorkspaceId, string Name, string Description, bool Archived, long Version, long EventId, IReadOnlyList<BoardColumnView> Columns);

/// <summary>A column's id and name, without its cards.</summary>
public sealed record BoardColumnName(Guid ColumnId, string Name);

/// <summary>One column of a board.</summary>
public sealed record BoardColumnView(Guid ColumnId, string Name, IReadOnlyList<BoardCard> Tasks);

/// <summary>A task as its card on the board shows it.</summary>
public sealed record BoardCard(
    Guid TaskId,
    string Title,
    string Rank,
    TaskPriority Priority,
    DateTimeOffset? DueDate,
    IReadOnlyList<string> Labels,
    IReadOnlyList<Guid> Assignees,
    bool Completed,
    int CommentCount,
    long Version,
    long EventId);
