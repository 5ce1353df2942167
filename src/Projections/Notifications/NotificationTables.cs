using TaskForge.Projections.Runtime;

namespace TaskForge.Projections.Notifications;

/// <summary>
/// The notifications readers see, and the projection's private lookups (members, emails, tasks and who owns or watches
/// them, who sent each pending invitation).
/// </summary>
internal static class NotificationTables
{
    public const string Notifications = "notifications";
    public const string Members = "notif_members";
    public const string Users = "notif_users";
    public const string Workspaces = "notif_workspaces";
    public const string Tasks = "notif_tasks";
    public const string People = "notif_task_people";
    public const string Comments = "notif_comments";
    public const string Invitations = "notif_invitations";

    public static IReadOnlyList<string> All { get; } = [Notifications, Members, Users, Workspaces, Tasks, People, Comments, Invitations];

    public static string Create(ProjectionTables t) => $"""
        CREATE TABLE {t[Notifications]} (
            user_id uuid NOT NULL, position bigint NOT NULL, workspace_id uuid NOT NULL, kind text NOT NULL, actor_id uuid,
            target_type text NOT NULL, target_id uuid NOT NULL, target_title text NOT NULL, summary text NOT NULL,
            occurred_at timestamptz NOT NULL, read boolean NOT NULL DEFAULT false, PRIMARY KEY (user_id, position));
        CREATE INDEX {t.Local(Notifications)}_unread ON {t[Notifications]} (user_id, position) WHERE NOT read;
        CREATE TABLE {t[Members]} (workspace_id uuid NOT NULL, user_id uuid NOT NULL, PRIMARY KEY (workspace_id, user_id));
        CREATE TABLE {t[Users]} (email text PRIMARY KEY, user_id uuid NOT NULL);
        CREATE TABLE {t[Workspaces]} (workspace_id uuid PRIMARY KEY, name text NOT NULL);
        CREATE TABLE {t[Tasks]} (task_id uuid PRIMARY KEY, title text NOT NULL);
        CREATE TABLE {t[People]} (
            task_id uuid NOT NULL, user_id uuid NOT NULL, creator boolean NOT NULL DEFAULT false, assignee boolean NOT NULL DEFAULT false,
            watcher boolean NOT NULL DEFAULT false, PRIMARY KEY (task_id, user_id));
        CREATE TABLE {t[Comments]} (comment_id uuid PRIMARY KEY, mentions uuid[] NOT NULL);
        CREATE TABLE {t[Invitations]} (invitation_id uuid PRIMARY KEY, inviter uuid NOT NULL);
        """;
}
