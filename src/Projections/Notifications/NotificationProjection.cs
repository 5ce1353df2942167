using TaskForge.Domain.Comments;
using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Events;
using static TaskForge.Projections.Notifications.NotificationTables;

namespace TaskForge.Projections.Notifications;

/// <summary>
/// Notifications per user: assigned to you, mentioned, a comment on a task you created, are assigned to or watch, a
/// status change (column, completed, reopened) of a task you created or are assigned to, invited to a workspace, and
/// the answer (accepted or declined) to an invitation you sent.
/// Read marks come from the user's inbox events, so they replay like everything else.
/// </summary>
public sealed class NotificationProjection : DomainProjection
{
    private const string Owners = "p.creator OR p.assignee";
    private const string OwnersAndWatchers = "p.creator OR p.assignee OR p.watcher";
    private const int SummaryLength = 140;

    /// <summary>
    /// When the answers to invitations started to notify their sender (version 2). The rebuild replays older answers as
    /// already read, so an upgrade does not raise everyone's unread count with old news; it depends only on the event.
    /// </summary>
    public static readonly DateTimeOffset InvitationAnswersSince = new(2026, 12, 7, 22, 45, 0, TimeSpan.Zero);

    public override string Name => "notifications";

    public override int Version => 2;

    protected override IReadOnlyList<Type> EventFamilies { get; } = [typeof(WorkspaceEvent), typeof(TaskEvent), typeof(CommentEvent), typeof(InboxEvent)];

    public override IReadOnlyList<string> Tables => All;

    public override string CreateTablesSql(ProjectionTables tables) => Create(tables);

    public override void Plan(ProjectedEvent e, ProjectionTables tables, SqlBatch sql)
    {
        var n = new NotificationStatements(tables, sql);
        switch (e.Event)
        {
            case WorkspaceEvent w:
                PlanWorkspace(e, w, n);
                break;
            case TaskEvent task:
                PlanTask(e, task, n);
                break;
            case CommentEvent c:
                PlanComment(e, c, n);
                break;
            case InboxEvent.NotificationRead r:
                n.Statement($"UPDATE {n[NotificationTables.Notifications]} SET read = true WHERE user_id = $1 AND position = $2", r.UserId, r.NotificationId);
                break;
            case InboxEvent.AllNotificationsRead r:
                n.Statement($"UPDATE {n[NotificationTables.Notifications]} SET read = true WHERE user_id = $1 AND position <= $2 AND NOT read", r.UserId, r.UpToEventId);
                break;
        }
    }

    private static void PlanWorkspace(ProjectedEvent e, WorkspaceEvent w, NotificationStatements n)
    {
        switch (w)
        {
            case WorkspaceEvent.WorkspaceCreated c:
                n.Statement($"INSERT INTO {n[Workspaces]} VALUES ($1, $2) ON CONFLICT (workspace_id) DO UPDATE SET name = excluded.name", c.WorkspaceId, c.Name);
                AddMember(n, c.WorkspaceId, c.OwnerId, c.OwnerEmail);
                break;
            case WorkspaceEvent.WorkspaceRenamed r:
                n.Statement($"UPDATE {n[Workspaces]} SET name = $2 WHERE workspace_id = $1", r.WorkspaceId, r.Name);
                break;
            case WorkspaceEvent.MemberInvited i:
                n.ToEmail(e, i.WorkspaceId, new(NotificationKinds.Invited, "workspace", i.WorkspaceId, $"invited you as {i.Role}"), i.Email);
                if (e.ActorId is { } inviter)
                    n.Statement($"INSERT INTO {n[NotificationTables.Invitations]} VALUES ($1, $2) ON CONFLICT DO NOTHING", i.InvitationId, inviter);
                break;
            case WorkspaceEvent.InvitationAccepted a:
                AddMember(n, a.WorkspaceId, a.UserId, a.Email);
                n.ToInviter(e, a.WorkspaceId, new(NotificationKinds.InvitationAccepted, "workspace", a.WorkspaceId, $"accepted your invitation and joined as {a.Role}"), a.InvitationId,
                    read: e.At < InvitationAnswersSince);
                ForgetInvitation(n, a.InvitationId);
                break;
            case WorkspaceEvent.InvitationDeclined d:
                n.ToInviter(e, d.WorkspaceId, new(NotificationKinds.InvitationDeclined, "workspace", d.WorkspaceId, $"declined your invitation ({d.Email})"), d.InvitationId,
                    read: e.At < InvitationAnswersSince);
                ForgetInvitation(n, d.InvitationId);
                break;
            case WorkspaceEvent.InvitationRevoked r:
                ForgetInvitation(n, r.InvitationId);
                break;
            case WorkspaceEvent.MemberRemoved r:
                n.Statement($"DELETE FROM {n[Members]} WHERE workspace_id = $1 AND user_id = $2", r.WorkspaceId, r.UserId);
                break;
            case WorkspaceEvent.MemberLeft l:
                n.Statement($"DELETE FROM {n[Members]} WHERE workspace_id = $1 AND user_id = $2", l.WorkspaceId, l.UserId);
                break;
        }
    }

    private static void AddMember(NotificationStatements n, Guid workspaceId, Guid userId, string email)
    {
        n.Statement($"INSERT INTO {n[Members]} VALUES ($1, $2) ON CONFLICT DO NOTHING", workspaceId, userId);
        n.Statement($"INSERT INTO {n[Users]} VALUES (lower($1), $2) ON CONFLICT (email) DO UPDATE SET user_id = excluded.user_id", email, userId);
    }

    private static void PlanTask(ProjectedEvent e, TaskEvent task, NotificationStatements n)
    {
        switch (task)
        {
            case TaskEvent.TaskCreated c:
                n.Statement($"INSERT INTO {n[NotificationTables.Tasks]} VALUES ($1, $2) ON CONFLICT (task_id) DO UPDATE SET title = excluded.title", c.TaskId, c.Title);
                if (e.ActorId is Guid creator)
                {
                    Mark(n, c.TaskId, "creator", true, creator);
                }

                Mark(n, c.TaskId, "assignee", true, [.. c.Assignees]);
                n.ToUsers(e, c.WorkspaceId, new(NotificationKinds.Assigned, "task", c.TaskId, "assigned you a new task"), c.Assignees);
                break;
            case TaskEvent.TaskRenamed r:
                n.Statement($"UPDATE {n[NotificationTables.Tasks]} SET title = $2 WHERE task_id = $1", r.TaskId, r.Title);
                break;
            case TaskEvent.TaskAssigned a:
                Mark(n, a.TaskId, "assignee", true, a.UserId);
                n.ToUsers(e, a.WorkspaceId, new(NotificationKinds.Assigned, "task", a.TaskId, "assigned you the task"), [a.UserId]);
                break;
            case TaskEvent.TaskUnassigned u:
                Mark(n, u.TaskId, "assignee", false, u.UserId);
                break;
            case TaskEvent.TaskWatched w:
                Mark(n, w.TaskId, "watcher", true, w.UserId);
                break;
            case TaskEvent.TaskUnwatched u:
                Mark(n, u.TaskId, "watcher", false, u.UserId);
                break;
            case TaskEvent.TaskMoved m:
                n.ToTaskPeople(e, m.WorkspaceId, new(NotificationKinds.StatusChanged, "task", m.TaskId, "moved your task to another column"), Owners);
                break;
            case TaskEvent.TaskCompleted c:
                n.ToTaskPeople(e, c.WorkspaceId, new(NotificationKinds.StatusChanged, "task", c.TaskId, "completed your task"), Owners);
                break;
            case TaskEvent.TaskReopened r:
                n.ToTaskPeople(e, r.WorkspaceId, new(NotificationKinds.StatusChanged, "task", r.TaskId, "reopened your task"), Owners);
                break;
        }
    }

    private static void PlanComment(ProjectedEvent e, CommentEvent c, NotificationStatements n)
    {
        switch (c)
        {
            case CommentEvent.CommentAdded a:
                n.ToUsers(e, a.WorkspaceId, new(NotificationKinds.Mentioned, "task", a.TaskId, Shorten(a.Body)), a.MentionedUserIds);
                n.ToTaskPeople(e, a.WorkspaceId, new(NotificationKinds.Commented, "task", a.TaskId, Shorten(a.Body)), OwnersAndWatchers);
                n.Statement($"INSERT INTO {n[Comments]} VALUES ($1, $2) ON CONFLICT (comment_id) DO UPDATE SET mentions = excluded.mentions",
                    a.CommentId, a.MentionedUserIds.ToArray());
                break;
            case CommentEvent.CommentEdited ed:
                n.ToNewlyMentioned(e, ed.WorkspaceId, new(NotificationKinds.Mentioned, "task", ed.TaskId, Shorten(ed.Body)), ed.CommentId, ed.MentionedUserIds);
                n.Statement($"UPDATE {n[Comments]} SET mentions = $2 WHERE comment_id = $1", ed.CommentId, ed.MentionedUserIds.ToArray());
                break;
        }
    }

    private static void Mark(NotificationStatements n, Guid taskId, string flag, bool value, params Guid[] users)
    {
        if (users.Length > 0)
        {
            n.Statement($"""
                INSERT INTO {n[People]} (task_id, user_id, {flag}) SELECT $1, u, $3 FROM unnest($2::uuid[]) u
                ON CONFLICT (task_id, user_id) DO UPDATE SET {flag} = excluded.{flag}
                """, taskId, users.Distinct().ToArray(), value);
        }
    }

    private static string Shorten(string text) => text.Length <= SummaryLength ? text : string.Concat(text.AsSpan(0, SummaryLength - 1), "…");

    private static void ForgetInvitation(NotificationStatements n, Guid invitationId) =>
        n.Statement($"DELETE FROM {n[NotificationTables.Invitations]} WHERE invitation_id = $1", invitationId);
}
