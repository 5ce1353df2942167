using TaskForge.Projections.Runtime;

namespace TaskForge.Projections.Feeds;

/// <summary>
/// The feed's tables: the entries readers see, and private lookups the projection keeps for itself (members at the
/// time of each event, names and titles at the time, and who is concerned by each task).
/// </summary>
internal static class FeedTables
{
    public const string Entries = "feed_entries";
    public const string Members = "feed_members";
    public const string Workspaces = "feed_workspaces";
    public const string Projects = "feed_projects";
    public const string Tasks = "feed_tasks";
    public const string People = "feed_task_people";

    public static IReadOnlyList<string> All { get; } = [Entries, Members, Workspaces, Projects, Tasks, People];

    public static string Create(ProjectionTables t) => $"""
        CREATE TABLE {t[Entries]} (
            user_id uuid NOT NULL, position bigint NOT NULL, workspace_id uuid NOT NULL, actor_id uuid, verb text NOT NULL,
            target_type text NOT NULL, target_id uuid NOT NULL, target_title text NOT NULL, subject_id uuid, summary text NOT NULL,
            occurred_at timestamptz NOT NULL, PRIMARY KEY (user_id, position));
        CREATE INDEX {t.Local(Entries)}_workspace ON {t[Entries]} (user_id, workspace_id, position);
        CREATE TABLE {t[Members]} (workspace_id uuid NOT NULL, user_id uuid NOT NULL, email text NOT NULL, PRIMARY KEY (workspace_id, user_id));
        CREATE TABLE {t[Workspaces]} (workspace_id uuid PRIMARY KEY, name text NOT NULL);
        CREATE TABLE {t[Projects]} (project_id uuid PRIMARY KEY, workspace_id uuid NOT NULL, name text NOT NULL);
        CREATE TABLE {t[Tasks]} (task_id uuid PRIMARY KEY, workspace_id uuid NOT NULL, title text NOT NULL);
        CREATE TABLE {t[People]} (
            task_id uuid NOT NULL, user_id uuid NOT NULL, creator boolean NOT NULL DEFAULT false, assignee boolean NOT NULL DEFAULT false,
            watcher boolean NOT NULL DEFAULT false, mentioned boolean NOT NULL DEFAULT false, PRIMARY KEY (task_id, user_id));
        """;
}
