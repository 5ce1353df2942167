using TaskForge.Projections.Runtime;
using TaskForge.Projections.Events;

namespace TaskForge.Projections.Feeds;

/// <summary>The feed projection's statements: writing entries to everyone concerned, and keeping its lookups.</summary>
internal sealed class FeedStatements(ProjectionTables t, SqlBatch sql)
{
    private const string Columns = "user_id, position, workspace_id, actor_id, verb, target_type, target_id, target_title, subject_id, summary, occurred_at";

    /// <summary>An entry for every current member of the workspace (but <paramref name="except"/>).</summary>
    public void ToWorkspace(ProjectedEvent e, Guid workspaceId, FeedEntryText text, Guid? except = null) =>
        sql.Add($"""
            INSERT INTO {t[FeedTables.Entries]} ({Columns})
            SELECT m.user_id, $1, $2, $3::uuid, $4, $5, $6, coalesce($11::text, {TitleOf(text.TargetType)}, ''), $7::uuid, $8, $9
            FROM {t[FeedTables.Members]} m WHERE m.workspace_id = $2 AND m.user_id IS DISTINCT FROM $10::uuid
            ON CONFLICT DO NOTHING
            """, e.Position, workspaceId, e.ActorId, text.Verb, text.TargetType, text.TargetId, text.SubjectId, text.Summary, e.At, except, text.Title);

    /// <summary>An entry for every member concerned by the task: its creator, assignees, watchers and people mentioned on it.</summary>
    public void ToTaskPeople(ProjectedEvent e, Guid workspaceId, FeedEntryText text) =>
        sql.Add($"""
            INSERT INTO {t[FeedTables.Entries]} ({Columns})
            SELECT p.user_id, $1, $2, $3::uuid, $4, 'task', $5, coalesce({TitleOf("task")}, ''), $6::uuid, $7, $8
            FROM {t[FeedTables.People]} p JOIN {t[FeedTables.Members]} m ON m.workspace_id = $2 AND m.user_id = p.user_id
            WHERE p.task_id = $5 AND (p.creator OR p.assignee OR p.watcher OR p.mentioned)
            ON CONFLICT DO NOTHING
            """, e.Position, workspaceId, e.ActorId, text.Verb, text.TargetId, text.SubjectId, text.Summary, e.At);

    public void MarkPeople(Guid taskId, string flag, bool value, params Guid[] users)
    {
        if (users.Length == 0)
        {
            return;
        }

        sql.Add($"""
            INSERT INTO {t[FeedTables.People]} (task_id, user_id, {flag}) SELECT $1, u, $3 FROM unnest($2::uuid[]) u
            ON CONFLICT (task_id, user_id) DO UPDATE SET {flag} = excluded.{flag}
            """, taskId, users, value);
    }

    public void AddMember(Guid workspaceId, Guid userId, string email) =>
        sql.Add($"INSERT INTO {t[FeedTables.Members]} VALUES ($1, $2, $3) ON CONFLICT (workspace_id, user_id) DO UPDATE SET email = excluded.email",
            workspaceId, userId, email);

    public void RemoveMember(Guid workspaceId, Guid userId) =>
        sql.Add($"DELETE FROM {t[FeedTables.Members]} WHERE workspace_id = $1 AND user_id = $2", workspaceId, userId);

    public void SetWorkspaceName(Guid workspaceId, string name) =>
        sql.Add($"INSERT INTO {t[FeedTables.Workspaces]} VALUES ($1, $2) ON CONFLICT (workspace_id) DO UPDATE SET name = excluded.name", workspaceId, name);

    public void SetProjectName(Guid projectId, Guid workspaceId, string name) =>
        sql.Add($"INSERT INTO {t[FeedTables.Projects]} VALUES ($1, $2, $3) ON CONFLICT (project_id) DO UPDATE SET name = excluded.name",
            projectId, workspaceId, name);

    public void SetTaskTitle(Guid taskId, Guid workspaceId, string title) =>
        sql.Add($"INSERT INTO {t[FeedTables.Tasks]} VALUES ($1, $2, $3) ON CONFLICT (task_id) DO UPDATE SET title = excluded.title",
            taskId, workspaceId, title);

    // The title of the target as the projection knows it when the event is applied ($6 is the target id in ToWorkspace, $5 in ToTaskPeople).
    private string TitleOf(string targetType) => targetType switch
    {
        "workspace" => $"(SELECT name FROM {t[FeedTables.Workspaces]} WHERE workspace_id = $6)",
        "project" => $"(SELECT name FROM {t[FeedTables.Projects]} WHERE project_id = $6)",
        "member" => $"(SELECT email FROM {t[FeedTables.Members]} WHERE workspace_id = $2 AND user_id = $6)",
        "task" => $"(SELECT title FROM {t[FeedTables.Tasks]} WHERE task_id = $5)",
        _ => "NULL",
    };
}
