using Npgsql;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Access;

namespace TaskForge.Projections.Tasks;

/// <summary>Reads tasks with their comments for members of their workspace.</summary>
public sealed class TaskDetailReader(ReadModelDatabase database)
{
    private readonly string _schema = database.Schema;

    /// <summary>The task, or null when it does not exist (or was deleted) or the user is not a member of its workspace.</summary>
    public async Task<TaskDetailView?> GetAsync(Guid userId, Guid taskId, CancellationToken cancellationToken = default) =>
        (await GetManyAsync(userId, [taskId], cancellationToken)).GetValueOrDefault(taskId);

    /// <summary>
    /// Those of the tasks that exist and that the user may see, with their comments, in two queries whatever their number
    /// (for batch loading).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, TaskDetailView>> GetManyAsync(
        Guid userId, IReadOnlyCollection<Guid> taskIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        var result = new Dictionary<Guid, TaskDetailView>();
        if (taskIds.Count == 0)
        {
            return result;
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var command = Sql.Command(connection, null, $"""
            SELECT task_id, project_id, workspace_id, title, description, priority, due_date, labels, assignees, watchers, column_id, rank,
                   completed, created_by, created_at, updated_at, version, event_id
            FROM {_schema}.task_details t WHERE task_id = ANY($1) AND {MemberFilter.IsMember(_schema, "t.workspace_id", "$2")}
            """, taskIds.ToArray(), userId))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var task = new TaskDetailView(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                    Enum.Parse<TaskPriority>(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                    reader.GetFieldValue<string[]>(7), reader.GetFieldValue<Guid[]>(8), reader.GetFieldValue<Guid[]>(9), reader.GetGuid(10),
                    reader.GetString(11), reader.GetBoolean(12), reader.IsDBNull(13) ? null : reader.GetGuid(13),
                    reader.GetFieldValue<DateTimeOffset>(14), reader.GetFieldValue<DateTimeOffset>(15), reader.GetInt64(16), reader.GetInt64(17), []);
                result[task.TaskId] = task;
            }
        }

        if (result.Count == 0)
        {
            return result;
        }

        var comments = await CommentsAsync(connection, result.Keys.ToArray(), cancellationToken);
        foreach (var (taskId, list) in comments)
        {
            result[taskId] = result[taskId] with { Comments = list };
        }

        return result;
    }

    private async Task<Dictionary<Guid, List<CommentView>>> CommentsAsync(NpgsqlConnection connection, Guid[] taskIds, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"""
            SELECT comment_id, task_id, author_id, body, mentions, created_at, edited_at, version, event_id
            FROM {_schema}.task_comments WHERE task_id = ANY($1) ORDER BY task_id, position
            """, taskIds);
        var comments = new Dictionary<Guid, List<CommentView>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var comment = new CommentView(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetFieldValue<Guid[]>(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt64(7),
                reader.GetInt64(8));
            if (!comments.TryGetValue(comment.TaskId, out var list))
            {
                comments[comment.TaskId] = list = [];
            }

            list.Add(comment);
        }

        return comments;
    }
}
