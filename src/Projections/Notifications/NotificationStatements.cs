using TaskForge.Projections.Runtime;
using TaskForge.Projections.Events;

namespace TaskForge.Projections.Notifications;

/// <summary>
/// The notification projection's statements. Every recipient query leaves out the actor (nobody is notified of
/// their own action) and, except for invitations, anyone who is not a member of the workspace at the time.
/// </summary>
internal sealed class NotificationStatements(ProjectionTables t, SqlBatch sql)
{
    private const string Insert = "user_id, position, workspace_id, kind, actor_id, target_type, target_id, target_title, summary, occurred_at";

    /// <summary>Notifies the given users (a mention wins over a later notification of the same event: first insert stays).</summary>
    public void ToUsers(ProjectedEvent e, Guid workspaceId, NotificationText text, IEnumerable<Guid> users) =>
        sql.Add($"""
            INSERT INTO {t[NotificationTables.Notifications]} ({Insert})
            SELECT u, $1, $2, $4, $3::uuid, $5, $6, coalesce({TitleOf(text.TargetType)}, ''), $7, $8
            FROM unnest($9::uuid[]) u
            WHERE u IS DISTINCT FROM $3::uuid
              AND EXISTS (SELECT 1 FROM {t[NotificationTables.Members]} m WHERE m.workspace_id = $2 AND m.user_id = u)
            ON CONFLICT DO NOTHING
            """, Values(e, workspaceId, text, users.Distinct().ToArray()));

    /// <summary>Notifies the users newly mentioned by an edited comment (those not mentioned by its previous text).</summary>
    public void ToNewlyMentioned(ProjectedEvent e, Guid workspaceId, NotificationText text, Guid commentId, IEnumerable<Guid> mentioned) =>
        sql.Add($"""
            INSERT INTO {t[NotificationTables.Notifications]} ({Insert})
            SELECT u, $1, $2, $4, $3::uuid, $5, $6, coalesce({TitleOf(text.TargetType)}, ''), $7, $8
            FROM unnest($9::uuid[]) u
            WHERE u IS DISTINCT FROM $3::uuid
              AND EXISTS (SELECT 1 FROM {t[NotificationTables.Members]} m WHERE m.workspace_id = $2 AND m.user_id = u)
              AND NOT u = ANY(coalesce((SELECT c.mentions FROM {t[NotificationTables.Comments]} c WHERE c.comment_id = $10), ARRAY[]::uuid[]))
            ON CONFLICT DO NOTHING
            """, [.. Values(e, workspaceId, text, mentioned.Distinct().ToArray()), commentId]);

    /// <summary>Notifies the people of the task matching <paramref name="who"/> (a condition over p.creator, p.assignee, p.watcher).</summary>
    public void ToTaskPeople(ProjectedEvent e, Guid workspaceId, NotificationText text, string who) =>
        sql.Add($"""
            INSERT INTO {t[NotificationTables.Notifications]} ({Insert})
            SELECT p.user_id, $1, $2, $4, $3::uuid, $5, $6, coalesce({TitleOf(text.TargetType)}, ''), $7, $8
            FROM {t[NotificationTables.People]} p JOIN {t[NotificationTables.Members]} m ON m.workspace_id = $2 AND m.user_id = p.user_id
            WHERE p.task_id = $9 AND ({who}) AND p.user_id IS DISTINCT FROM $3::uuid
            ON CONFLICT DO NOTHING
            """, Values(e, workspaceId, text, text.TargetId));

    /// <summary>Notifies the user known by <paramref name="email"/> (invitations go to people outside the workspace).</summary>
    public void ToEmail(ProjectedEvent e, Guid workspaceId, NotificationText text, string email) =>
        sql.Add($"""
            INSERT INTO {t[NotificationTables.Notifications]} ({Insert})
            SELECT u.user_id, $1, $2, $4, $3::uuid, $5, $6, coalesce({TitleOf(text.TargetType)}, ''), $7, $8
            FROM {t[NotificationTables.Users]} u WHERE u.email = lower($9) AND u.user_id IS DISTINCT FROM $3::uuid
            ON CONFLICT DO NOTHING
            """, Values(e, workspaceId, text, email));

    /// <summary>
    /// Notifies the member who sent invitation <paramref name="invitationId"/>, if they are still a member; as already read
    /// when <paramref name="read"/> (an answer from before this notification existed, replayed by the rebuild).
    /// </summary>
    public void ToInviter(ProjectedEvent e, Guid workspaceId, NotificationText text, Guid invitationId, bool read) =>
        sql.Add($"""
            INSERT INTO {t[NotificationTables.Notifications]} ({Insert}, read)
            SELECT i.inviter, $1, $2, $4, $3::uuid, $5, $6, coalesce({TitleOf(text.TargetType)}, ''), $7, $8, $10
            FROM {t[NotificationTables.Invitations]} i
            WHERE i.invitation_id = $9 AND i.inviter IS DISTINCT FROM $3::uuid
              AND EXISTS (SELECT 1 FROM {t[NotificationTables.Members]} m WHERE m.workspace_id = $2 AND m.user_id = i.inviter)
            ON CONFLICT DO NOTHING
            """, [.. Values(e, workspaceId, text, invitationId), read]);

    public void Statement(string sqlText, params object?[] values) => sql.Add(sqlText, values);

    public string this[string table] => t[table];

    private static object?[] Values(ProjectedEvent e, Guid workspaceId, NotificationText text, object recipients) =>
        [e.Position, workspaceId, e.ActorId, text.Kind, text.TargetType, text.TargetId, text.Summary, e.At, recipients];

    private string TitleOf(string targetType) => targetType switch
    {
        "task" => $"(SELECT title FROM {t[NotificationTables.Tasks]} WHERE task_id = $6)",
        "workspace" => $"(SELECT name FROM {t[NotificationTables.Workspaces]} WHERE workspace_id = $6)",
        _ => "NULL",
    };
}
