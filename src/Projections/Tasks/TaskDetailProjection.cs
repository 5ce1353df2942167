using TaskForge.Domain.Comments;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Events;

namespace TaskForge.Projections.Tasks;

/// <summary>Every field of a task with its stream version (for the next command), and its comments.</summary>
public sealed class TaskDetailProjection : DomainProjection
{
    public const string Tasks = "task_details";
    public const string Comments = "task_comments";

    /// <summary>Deleted tasks and their comments, kept as they were so that a restore brings them back whole (ADR 0140).</summary>
    public const string DeletedTasks = "task_deleted_details";

    public const string DeletedComments = "task_deleted_comments";

    public override string Name => "tasks";

    public override int Version => 3;

    protected override IReadOnlyList<Type> EventFamilies { get; } = [typeof(TaskEvent), typeof(CommentEvent)];

    public override IReadOnlyList<string> Tables => [Tasks, Comments, DeletedTasks, DeletedComments];

    public override string CreateTablesSql(ProjectionTables t) => $"""
        CREATE TABLE {t[Tasks]} (
            task_id uuid PRIMARY KEY, project_id uuid NOT NULL, workspace_id uuid NOT NULL, title text NOT NULL, description text NOT NULL,
            priority text NOT NULL, due_date timestamptz, labels text[] NOT NULL, assignees uuid[] NOT NULL, watchers uuid[] NOT NULL,
            column_id uuid NOT NULL, rank text COLLATE "C" NOT NULL, completed boolean NOT NULL, created_by uuid, created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL, version bigint NOT NULL, event_id bigint NOT NULL);
        CREATE INDEX {t.Local(Tasks)}_project ON {t[Tasks]} (project_id);
        CREATE TABLE {t[Comments]} (
            comment_id uuid PRIMARY KEY, task_id uuid NOT NULL, workspace_id uuid NOT NULL, author_id uuid NOT NULL, body text NOT NULL,
            mentions uuid[] NOT NULL, created_at timestamptz NOT NULL, edited_at timestamptz, position bigint NOT NULL, version bigint NOT NULL, event_id bigint NOT NULL);
        CREATE INDEX {t.Local(Comments)}_task ON {t[Comments]} (task_id, position);
        CREATE TABLE {t[DeletedTasks]} (LIKE {t[Tasks]} INCLUDING DEFAULTS, PRIMARY KEY (task_id));
        CREATE TABLE {t[DeletedComments]} (LIKE {t[Comments]} INCLUDING DEFAULTS, PRIMARY KEY (comment_id));
        CREATE INDEX {t.Local(DeletedComments)}_task ON {t[DeletedComments]} (task_id);
        """;

    public override void Plan(ProjectedEvent e, ProjectionTables t, SqlBatch sql)
    {
        switch (e.Event)
        {
            case TaskEvent.TaskCreated c:
                sql.Add($"""
                    INSERT INTO {t[Tasks]} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, ARRAY[]::uuid[], $10, $11, false, $12, $13, $13, $14, $15)
                    ON CONFLICT DO NOTHING
                    """, c.TaskId, c.ProjectId, c.WorkspaceId, c.Title, c.Description, c.Priority.ToString(), c.DueDate, c.Labels.ToArray(),
                    c.Assignees.Distinct().ToArray(), c.ColumnId, c.Position, e.ActorId, e.At, e.Recorded.Version, e.Position);
                break;
            case TaskEvent.TaskDeleted d:
                sql.Add(ProjectionArchive.Move(t[Tasks], t[DeletedTasks], "task_id"), d.TaskId);
                sql.Add(ProjectionArchive.Move(t[Comments], t[DeletedComments], "task_id"), d.TaskId);
                break;
            case TaskEvent.TaskRestored r:
                sql.Add(ProjectionArchive.Move(t[DeletedTasks], t[Tasks], "task_id"), r.TaskId);
                sql.Add(ProjectionArchive.Move(t[DeletedComments], t[Comments], "task_id"), r.TaskId);
                sql.Add($"UPDATE {t[Tasks]} SET column_id = $2, rank = $3, updated_at = $4, version = $5, event_id = $6 WHERE task_id = $1",
                    r.TaskId, r.ColumnId, r.Position, e.At, e.Recorded.Version, e.Position);
                break;
            case TaskEvent.TaskMoved m:
                sql.Add($"UPDATE {t[Tasks]} SET column_id = $2, rank = $3, updated_at = $4, version = $5, event_id = $6 WHERE task_id = $1",
                    m.TaskId, m.ColumnId, m.Position, e.At, e.Recorded.Version, e.Position);
                break;
            case TaskEvent task when Change(task) is var (set, value):
                sql.Add($"UPDATE {t[Tasks]} SET {set}, updated_at = $3, version = $4, event_id = $5 WHERE task_id = $1", task.TaskId, value, e.At, e.Recorded.Version, e.Position);
                break;
            case CommentEvent.CommentAdded c:
                sql.Add($"INSERT INTO {t[Comments]} VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $8) ON CONFLICT DO NOTHING",
                    c.CommentId, c.TaskId, c.WorkspaceId, c.AuthorId, c.Body, c.MentionedUserIds.ToArray(), e.At, e.Position, e.Recorded.Version);
                break;
            case CommentEvent.CommentEdited c:
                sql.Add($"UPDATE {t[Comments]} SET body = $2, mentions = $3, edited_at = $4, version = $5, event_id = $6 WHERE comment_id = $1",
                    c.CommentId, c.Body, c.MentionedUserIds.ToArray(), e.At, e.Recorded.Version, e.Position);
                break;
            case CommentEvent.CommentDeleted c:
                sql.Add($"DELETE FROM {t[Comments]} WHERE comment_id = $1", c.CommentId);
                break;
        }
    }

    /// <summary>The SET clause (value in $2) of a task event that changes one field.</summary>
    private static (string Set, object? Value)? Change(TaskEvent e) => e switch
    {
        TaskEvent.TaskRenamed r => ("title = $2", r.Title),
        TaskEvent.TaskDescriptionEdited d => ("description = $2", d.Description),
        TaskEvent.TaskAssigned a => ("assignees = CASE WHEN $2 = ANY(assignees) THEN assignees ELSE array_append(assignees, $2) END", a.UserId),
        TaskEvent.TaskUnassigned u => ("assignees = array_remove(assignees, $2)", u.UserId),
        TaskEvent.TaskWatched w => ("watchers = CASE WHEN $2 = ANY(watchers) THEN watchers ELSE array_append(watchers, $2) END", w.UserId),
        TaskEvent.TaskUnwatched u => ("watchers = array_remove(watchers, $2)", u.UserId),
        TaskEvent.TaskPriorityChanged p => ("priority = $2", p.Priority.ToString()),
        TaskEvent.TaskDueDateSet d => ("due_date = $2", d.DueDate),
        TaskEvent.TaskDueDateCleared => ("due_date = $2::timestamptz", null),
        TaskEvent.TaskLabelAdded l => ("labels = CASE WHEN $2 = ANY(labels) THEN labels ELSE array_append(labels, $2) END", l.Label),
        TaskEvent.TaskLabelRemoved l => ("labels = ARRAY(SELECT x FROM unnest(labels) x WHERE lower(x) <> lower($2))", l.Label),
        TaskEvent.TaskCompleted => ("completed = $2", true),
        TaskEvent.TaskReopened => ("completed = $2", false),
        _ => null,
    };
}
