using TaskForge.Projections.Access;

namespace TaskForge.Projections.Board;

/// <summary>
/// A project's deleted tasks, most recently deleted first, for members of its workspace: what <c>restoreTask</c> can
/// bring back (ADR 0140). Nothing for a non-member or an unknown project.
/// </summary>
public sealed class DeletedTaskReader(ReadModelDatabase database)
{
    /// <summary>The most tasks one read returns.</summary>
    public const int MaxTasks = 1000;

    private readonly string _schema = database.Schema;

    public async Task<IReadOnlyList<DeletedTask>> ListAsync(Guid userId, Guid projectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT p.workspace_id, d.task_id, t.title, d.deleted_at, d.deleted_by, d.event_id
            FROM {_schema}.board_task_deletions d
            JOIN {_schema}.board_deleted_tasks t ON t.task_id = d.task_id
            JOIN {_schema}.board_projects p ON p.project_id = d.project_id
            WHERE d.project_id = $1 AND {MemberFilter.IsMember(_schema, "p.workspace_id", "$2")}
            ORDER BY d.event_id DESC
            LIMIT {MaxTasks}
            """, projectId, userId);
        var tasks = new List<DeletedTask>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tasks.Add(new DeletedTask(reader.GetGuid(0), projectId, reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.GetInt64(5)));
        }

        return tasks;
    }
}
