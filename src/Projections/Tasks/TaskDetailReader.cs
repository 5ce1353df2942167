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
    /// Those of the tasks that exist and that the user may see, with their comments: two queries in one round trip,
    /// whatever their number (for batch loading).
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

        var ids = taskIds.ToArray();
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Sql.BatchCommand($"""
                    SELECT task_id, project_id, workspace_id, title, description, priority, due_date, labels, assignees, watchers, column_id, rank,
                           completed, created_by, created_at, updated_at, version, event_id
                    FROM {_schema}.task_details t WHERE task_id = ANY($1) AND {MemberFilter.IsMember(_schema, "t.workspace_id", "$2")}
                    """, ids, userId),
                // Comments of every asked task: only those of the tasks the first query returned (the user's) are kept.
                Sql.BatchCommand($"""
                    SELECT comment_id, task_id, author_id, body, mentions, created_at, edited_at, version, event_id
                    FROM {_schema}.task_comments WHERE task_id = ANY($1) ORDER BY task_id, position
                    """, ids),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var task = new TaskDetailView(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                Enum.Parse<TaskPriority>(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<string[]>(7), reader.GetFieldValue<Guid[]>(8), reader.GetFieldValue<Guid[]>(9), reader.GetGuid(10),
                reader.GetString(11), reader.GetBoolean(12), reader.IsDBNull(13) ? null : reader.GetGuid(13),
                reader.GetFieldValue<DateTimeOffset>(14), reader.GetFieldValue<DateTimeOffset>(15), reader.GetInt64(16), reader.GetInt64(17), []);
            result[task.TaskId] = task;
        }

        await reader.NextResultAsync(cancellationToken);
        var comments = new Dictionary<Guid, List<CommentView>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var comment = new CommentView(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetFieldValue<Guid[]>(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.GetInt64(7),
                reader.GetInt64(8));
            if (!result.ContainsKey(comment.TaskId))
            {
                continue;
            }

            if (!comments.TryGetValue(comment.TaskId, out var list))
            {
                comments[comment.TaskId] = list = [];
            }

            list.Add(comment);
        }

        foreach (var (taskId, list) in comments)
        {
            result[taskId] = result[taskId] with { Comments = list };
        }

        return result;
    }
}
