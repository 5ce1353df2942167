using Npgsql;
using TaskForge.Domain.Tasks;

namespace TaskForge.Projections.Board;

/// <summary>The columns of <c>board_tasks</c> that make a <see cref="BoardCard"/>, in the order <see cref="Read"/> expects them.</summary>
internal static class BoardCardColumns
{
    /// <summary>For a SELECT list, with the table's alias <c>t</c>.</summary>
    public const string Select = "t.task_id, t.title, t.rank, t.priority, t.due_date, t.labels, t.assignees, t.completed, t.comment_count, t.version, t.event_id";

    /// <summary>The card of the current row, whose <see cref="Select"/> columns start at <paramref name="first"/>.</summary>
    public static BoardCard Read(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first), reader.GetString(first + 1), reader.GetString(first + 2), Enum.Parse<TaskPriority>(reader.GetString(first + 3)),
        reader.IsDBNull(first + 4) ? null : reader.GetFieldValue<DateTimeOffset>(first + 4), reader.GetFieldValue<string[]>(first + 5),
        reader.GetFieldValue<Guid[]>(first + 6), reader.GetBoolean(first + 7), reader.GetInt32(first + 8), reader.GetInt64(first + 9),
        reader.GetInt64(first + 10));
}
