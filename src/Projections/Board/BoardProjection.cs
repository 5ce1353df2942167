using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Events;

namespace TaskForge.Projections.Board;

/// <summary>
/// Boards: each project's columns in order and its tasks by column and rank, with what a card shows; the cards are also
/// indexed by assignee, for each person's assigned tasks (<see cref="AssignedTaskReader"/>).
/// </summary>
public sealed class BoardProjection : DomainProjection
{
    public const string Projects = "board_projects";
    public const string Columns = "board_columns";
    public const string Tasks = "board_tasks";

    /// <summary>Cards of deleted tasks, kept as they were so that a restore brings them back whole (ADR 0140).</summary>
    public const string DeletedTasks = "board_deleted_tasks";

    /// <summary>Who deleted each deleted task, when, by which event: a project's deleted tasks to restore (<see cref="DeletedTaskReader"/>).</summary>
    public const string Deletions = "board_task_deletions";

    public override string Name => "board";

    public override int Version => 4;

    protected override IReadOnlyList<Type> EventFamilies { get; } = [typeof(ProjectEvent), typeof(TaskEvent), typeof(CommentEvent)];

    public override IReadOnlyList<string> Tables => [Projects, Columns, Tasks, DeletedTasks, Deletions];

    public override string CreateTablesSql(ProjectionTables t) => $"""
        CREATE TABLE {t[Projects]} (
            project_id uuid PRIMARY KEY, workspace_id uuid NOT NULL, name text NOT NULL, description text NOT NULL, archived boolean NOT NULL,
            version bigint NOT NULL DEFAULT 0, event_id bigint NOT NULL DEFAULT 0);
        CREATE INDEX {t.Local(Projects)}_workspace ON {t[Projects]} (workspace_id);
        CREATE TABLE {t[Columns]} (
            project_id uuid NOT NULL, column_id uuid NOT NULL, name text NOT NULL, ordinal int NOT NULL, PRIMARY KEY (project_id, column_id));
        CREATE TABLE {t[Tasks]} (
            task_id uuid PRIMARY KEY, project_id uuid NOT NULL, workspace_id uuid NOT NULL, column_id uuid NOT NULL, rank text COLLATE "C" NOT NULL,
            title text NOT NULL, priority text NOT NULL, due_date timestamptz, labels text[] NOT NULL, assignees uuid[] NOT NULL,
            completed boolean NOT NULL, comment_count int NOT NULL DEFAULT 0,
            version bigint NOT NULL DEFAULT 0, event_id bigint NOT NULL DEFAULT 0);
        CREATE INDEX {t.Local(Tasks)}_board ON {t[Tasks]} (project_id, column_id, rank, task_id);
        CREATE INDEX {t.Local(Tasks)}_assignees ON {t[Tasks]} USING gin (assignees);
        CREATE TABLE {t[DeletedTasks]} (LIKE {t[Tasks]} INCLUDING DEFAULTS, PRIMARY KEY (task_id));
        CREATE TABLE {t[Deletions]} (
            task_id uuid PRIMARY KEY, project_id uuid NOT NULL, deleted_at timestamptz NOT NULL, deleted_by uuid, event_id bigint NOT NULL);
        CREATE INDEX {t.Local(Deletions)}_project ON {t[Deletions]} (project_id, event_id);
        """;

    public override void Plan(ProjectedEvent e, ProjectionTables t, SqlBatch sql)
    {
        switch (e.Event)
        {
            case ProjectEvent p:
                PlanProject(p, t, sql);
                sql.Add($"UPDATE {t[Projects]} SET version = $2, event_id = $3 WHERE project_id = $1", p.ProjectId, e.Recorded.Version, e.Position);
                break;
            case TaskEvent task:
                PlanTask(e, task, t, sql);
                sql.Add($"UPDATE {t[Tasks]} SET version = $2, event_id = $3 WHERE task_id = $1", task.TaskId, e.Recorded.Version, e.Position);
                break;
            case CommentEvent.CommentAdded c:
                sql.Add($"UPDATE {t[Tasks]} SET comment_count = comment_count + 1 WHERE task_id = $1", c.TaskId);
                break;
            case CommentEvent.CommentDeleted c:
                sql.Add($"UPDATE {t[Tasks]} SET comment_count = greatest(comment_count - 1, 0) WHERE task_id = $1", c.TaskId);
                break;
        }
    }

    private static void PlanProject(ProjectEvent e, ProjectionTables t, SqlBatch sql)
    {
        switch (e)
        {
            case ProjectEvent.ProjectCreated c:
                sql.Add($"INSERT INTO {t[Projects]} (project_id, workspace_id, name, description, archived) VALUES ($1, $2, $3, $4, false) ON CONFLICT DO NOTHING", c.ProjectId, c.WorkspaceId, c.Name, c.Description);
                sql.Add($"""
                    INSERT INTO {t[Columns]} (project_id, column_id, name, ordinal)
                    SELECT $1, c.id, c.name, c.ordinal::int - 1 FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS c(id, name, ordinal)
                    ON CONFLICT DO NOTHING
                    """, c.ProjectId, c.Columns.Select(col => col.ColumnId).ToArray(), c.Columns.Select(col => col.Name).ToArray());
                break;
            case ProjectEvent.ProjectRenamed r:
                sql.Add($"UPDATE {t[Projects]} SET name = $2 WHERE project_id = $1", r.ProjectId, r.Name);
                break;
            case ProjectEvent.ProjectDescriptionChanged d:
                sql.Add($"UPDATE {t[Projects]} SET description = $2 WHERE project_id = $1", d.ProjectId, d.Description);
                break;
            case ProjectEvent.ProjectArchived a:
                sql.Add($"UPDATE {t[Projects]} SET archived = true WHERE project_id = $1", a.ProjectId);
                break;
            case ProjectEvent.ProjectRestored r:
                sql.Add($"UPDATE {t[Projects]} SET archived = false WHERE project_id = $1", r.ProjectId);
                break;
            case ProjectEvent.ColumnAdded a:
                sql.Add($"UPDATE {t[Columns]} SET ordinal = ordinal + 1 WHERE project_id = $1 AND ordinal >= $2", a.ProjectId, a.Index);
                sql.Add($"INSERT INTO {t[Columns]} VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", a.ProjectId, a.ColumnId, a.Name, a.Index);
                break;
            case ProjectEvent.ColumnRenamed r:
                sql.Add($"UPDATE {t[Columns]} SET name = $3 WHERE project_id = $1 AND column_id = $2", r.ProjectId, r.ColumnId, r.Name);
                break;
            case ProjectEvent.ColumnsReordered r:
                sql.Add($"""
                    UPDATE {t[Columns]} c SET ordinal = o.ordinal::int - 1
                    FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ordinal)
                    WHERE c.project_id = $1 AND c.column_id = o.id
                    """, r.ProjectId, r.ColumnIds.ToArray());
                break;
            case ProjectEvent.ColumnRemoved r:
                sql.Add($"DELETE FROM {t[Columns]} WHERE project_id = $1 AND column_id = $2", r.ProjectId, r.ColumnId);
                sql.Add($"""
                    UPDATE {t[Columns]} c SET ordinal = n.ordinal
                    FROM (SELECT column_id, row_number() OVER (ORDER BY ordinal)::int - 1 AS ordinal FROM {t[Columns]} WHERE project_id = $1) n
                    WHERE c.project_id = $1 AND c.column_id = n.column_id
                    """, r.ProjectId);
                sql.Add($"UPDATE {t[Tasks]} SET column_id = $3 WHERE project_id = $1 AND column_id = $2", r.ProjectId, r.ColumnId, r.TasksMovedToColumnId);
                break;
        }
    }

    private static void PlanTask(ProjectedEvent recorded, TaskEvent e, ProjectionTables t, SqlBatch sql)
    {
        var tasks = t[Tasks];
        switch (e)
        {
            case TaskEvent.TaskCreated c:
                sql.Add($"INSERT INTO {tasks} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, 0, 0, 0) ON CONFLICT DO NOTHING",
                    c.TaskId, c.ProjectId, c.WorkspaceId, c.ColumnId, c.Position, c.Title, c.Priority.ToString(), c.DueDate,
                    c.Labels.ToArray(), c.Assignees.Distinct().ToArray());
                break;
            case TaskEvent.TaskRenamed r:
                sql.Add($"UPDATE {tasks} SET title = $2 WHERE task_id = $1", r.TaskId, r.Title);
                break;
            case TaskEvent.TaskAssigned a:
                sql.Add($"UPDATE {tasks} SET assignees = array_append(assignees, $2) WHERE task_id = $1 AND NOT $2 = ANY(assignees)", a.TaskId, a.UserId);
                break;
            case TaskEvent.TaskUnassigned u:
                sql.Add($"UPDATE {tasks} SET assignees = array_remove(assignees, $2) WHERE task_id = $1", u.TaskId, u.UserId);
                break;
            case TaskEvent.TaskMoved m:
                sql.Add($"UPDATE {tasks} SET column_id = $2, rank = $3 WHERE task_id = $1", m.TaskId, m.ColumnId, m.Position);
                break;
            case TaskEvent.TaskPriorityChanged p:
                sql.Add($"UPDATE {tasks} SET priority = $2 WHERE task_id = $1", p.TaskId, p.Priority.ToString());
                break;
            case TaskEvent.TaskDueDateSet d:
                sql.Add($"UPDATE {tasks} SET due_date = $2 WHERE task_id = $1", d.TaskId, d.DueDate);
                break;
            case TaskEvent.TaskDueDateCleared d:
                sql.Add($"UPDATE {tasks} SET due_date = NULL WHERE task_id = $1", d.TaskId);
                break;
            case TaskEvent.TaskLabelAdded l:
                sql.Add($"UPDATE {tasks} SET labels = array_append(labels, $2) WHERE task_id = $1 AND NOT $2 = ANY(labels)", l.TaskId, l.Label);
                break;
            case TaskEvent.TaskLabelRemoved l:
                sql.Add($"UPDATE {tasks} SET labels = ARRAY(SELECT x FROM unnest(labels) x WHERE lower(x) <> lower($2)) WHERE task_id = $1", l.TaskId, l.Label);
                break;
            case TaskEvent.TaskCompleted c:
                sql.Add($"UPDATE {tasks} SET completed = true WHERE task_id = $1", c.TaskId);
                break;
            case TaskEvent.TaskReopened r:
                sql.Add($"UPDATE {tasks} SET completed = false WHERE task_id = $1", r.TaskId);
                break;
            case TaskEvent.TaskDeleted d:
                sql.Add(ProjectionArchive.Move(tasks, t[DeletedTasks], "task_id"), d.TaskId);
                sql.Add($"""
                    INSERT INTO {t[Deletions]} VALUES ($1, $2, $3, $4, $5)
                    ON CONFLICT (task_id) DO UPDATE SET deleted_at = $3, deleted_by = $4, event_id = $5
                    """, d.TaskId, d.ProjectId, recorded.At, recorded.ActorId, recorded.Position);
                break;
            case TaskEvent.TaskRestored r:
                sql.Add(ProjectionArchive.Move(t[DeletedTasks], tasks, "task_id"), r.TaskId);
                sql.Add($"DELETE FROM {t[Deletions]} WHERE task_id = $1", r.TaskId);
                sql.Add($"UPDATE {tasks} SET column_id = $2, rank = $3 WHERE task_id = $1", r.TaskId, r.ColumnId, r.Position);
                break;
        }
    }
}
