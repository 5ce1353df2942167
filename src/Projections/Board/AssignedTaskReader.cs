using TaskForge.Projections.Access;

namespace TaskForge.Projections.Board;

/// <summary>
/// The tasks assigned to a user across the workspaces they belong to now, for a "my work" view: soonest due first, those
/// without a due date last, then by task id. Tasks of archived projects are left out, as the boards leave them.
/// </summary>
public sealed class AssignedTaskReader(ReadModelDatabase database)
{
    /// <summary>The most tasks one read returns.</summary>
    public const int MaxTasks = 1000;

    private readonly string _schema = database.Schema;

    public async Task<IReadOnlyList<AssignedTask>> ListAsync(Guid userId, bool includeCompleted, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT t.workspace_id, t.project_id, t.column_id, {BoardCardColumns.Select}
            FROM {_schema}.board_tasks t JOIN {_schema}.board_projects p ON p.project_id = t.project_id
            WHERE t.assignees @> ARRAY[$1::uuid] AND ($2 OR NOT t.completed) AND NOT p.archived
              AND {MemberFilter.IsMember(_schema, "t.workspace_id", "$1")}
            ORDER BY t.due_date NULLS LAST, t.task_id
            LIMIT {MaxTasks}
            """, userId, includeCompleted);
        var tasks = new List<AssignedTask>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tasks.Add(new AssignedTask(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), BoardCardColumns.Read(reader, 3)));
        }

        return tasks;
    }
}
