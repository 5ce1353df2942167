using Npgsql;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Access;

namespace TaskForge.Projections.Tasks;

/// <summary>Reads a task with its comments for members of its workspace.</summary>
public sealed class TaskDetailReader(ReadModelDatabase database)
{
    private readonly string _schema = database.Schema;

    /// <summary>The task, or null when it does not exist (or was deleted) or the user is not a member of its workspace.</summary>
    public async Task<TaskDetailView?> GetAsync(Guid userId, Guid taskId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        TaskDetailView task;
        await using (var command = Sql.Command(connection, null, $"""
            SELECT project_id, workspace_id, title, description, priority, due_date, labels, assignees, watchers, column_id, rank, completed,
                   created_by, created_at, updated_at, version
            FROM {_schema}.task_details t WHERE task_id = $1 AND {MemberFilter.IsMember(_schema, "t.workspace_id", "$2")}
            """, taskId, userId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            task = new TaskDetailView(taskId, reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                Enum.Parse<TaskPriority>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetFieldValue<string[]>(6), reader.GetFieldValue<Guid[]>(7), reader.GetFieldValue<Guid[]>(8), reader.GetGuid(9),
                reader.GetString(10), reader.GetBoolean(11), reader.IsDBNull(12) ? null : reader.GetGuid(12),
                reader.GetFieldValue<DateTimeOffset>(13), reader.GetFieldValue<DateTimeOffset>(14), reader.GetInt64(15), []);
        }

        return task with { Comments = await CommentsAsync(connection, taskId, cancellationToken) };
    }

    private async Task<IReadOnlyList<CommentView>> CommentsAsync(NpgsqlConnection connection, Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"""
            SELECT comment_id, author_id, body, mentions, created_at, edited_at, version
            FROM {_schema}.task_comments WHERE task_id = $1 ORDER BY position
            """, taskId);
        var comments = new List<CommentView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            comments.Add(new CommentView(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<Guid[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt64(6)));
        }

        return comments;
    }
}
