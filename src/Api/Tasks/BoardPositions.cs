using TaskForge.Api.Schema;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Board;

namespace TaskForge.Api.Tasks;

/// <summary>Ranks for creating and moving tasks, computed from the neighbours on the board read model (ADR 0042).</summary>
internal static class BoardPositions
{
    /// <summary>The column (the first when none is given) and a rank after its last task; the decider reports a missing one.</summary>
    public static async Task<(Guid? ColumnId, string? Position)> AtEndAsync(BoardReader boards, Guid userId, Guid projectId, Guid? columnId, CancellationToken cancellationToken) =>
        await boards.ColumnEndAsync(userId, projectId, columnId, cancellationToken) is { } end ? (end.ColumnId, Rank.After(end.LastRank)) : (columnId, null);

    /// <summary>A rank in <paramref name="columnId"/> between <paramref name="afterTaskId"/> and <paramref name="beforeTaskId"/>.</summary>
    public static string Between(BoardView? board, Guid taskId, Guid columnId, Guid? afterTaskId, Guid? beforeTaskId)
    {
        var column = board?.Columns.FirstOrDefault(c => c.ColumnId == columnId)
            ?? throw new InputException("columnId is not a column of the task's board.", "columnId");
        var others = column.Tasks.Where(t => t.TaskId != taskId).ToList();
        var after = Index(others, afterTaskId, "afterTaskId");
        var before = Index(others, beforeTaskId, "beforeTaskId");
        if (after is { } a && before is { } b && b != a + 1)
        {
            throw new InputException("afterTaskId and beforeTaskId must be neighbours in the column.", "beforeTaskId");
        }

        var lower = after ?? (before is { } bi ? bi - 1 : others.Count - 1);
        var upper = before ?? lower + 1;
        // Tasks can share a rank (two moves between the same neighbours at once, ADR 0042), and no rank lies strictly
        // between two equal ones: the task goes past the neighbours that tie, on the side the client named.
        if (after is null && before is not null)
        {
            while (lower >= 0 && Rank.Compare(others[lower].Rank, others[upper].Rank) >= 0)
                lower--;
        }
        else
        {
            while (lower >= 0 && upper < others.Count && Rank.Compare(others[upper].Rank, others[lower].Rank) <= 0)
                upper++;
        }

        return Rank.Between(lower >= 0 ? others[lower].Rank : null, upper < others.Count ? others[upper].Rank : null);
    }

    private static int? Index(List<BoardCard> tasks, Guid? taskId, string field)
    {
        if (taskId is not { } id)
        {
            return null;
        }

        var index = tasks.FindIndex(t => t.TaskId == id);
        return index < 0 ? throw new InputException($"{field} is not a task of that column.", field) : index;
    }
}
