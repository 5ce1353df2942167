using TaskForge.Projections.Board;

namespace TaskForge.Api.Projects;

/// <summary>
/// A board column as GraphQL serves it: with the ids that locate it, and its cards when they were read with it (a board);
/// null <see cref="Tasks"/> means not read yet (a task's column), and <c>Column.tasks</c> reads the board for them.
/// </summary>
public sealed record ColumnObject(Guid WorkspaceId, Guid ProjectId, Guid ColumnId, string Name, IReadOnlyList<BoardCard>? Tasks)
{
    public static ColumnObject From(Guid workspaceId, Guid projectId, BoardColumnView column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new ColumnObject(workspaceId, projectId, column.ColumnId, column.Name, column.Tasks);
    }
}
