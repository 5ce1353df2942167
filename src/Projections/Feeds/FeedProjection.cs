using System.Globalization;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Events;

namespace TaskForge.Projections.Feeds;

/// <summary>
/// The activity feed per user: workspace and project events go to every member, task and comment events to the
/// members concerned by the task. Recipients are the members at the time of the event: someone added sees events
/// from the one that added them, someone removed nothing from the one that removed them (ADR 0064).
/// </summary>
public sealed class FeedProjection : DomainProjection
{
    private const int SummaryLength = 140;

    public override string Name => "feed";

    public override int Version => 1;

    protected override IReadOnlyList<Type> EventFamilies { get; } = [typeof(WorkspaceEvent), typeof(ProjectEvent), typeof(TaskEvent), typeof(CommentEvent)];

    public override IReadOnlyList<string> Tables => FeedTables.All;

    public override string CreateTablesSql(ProjectionTables tables) => FeedTables.Create(tables);

    public override void Plan(ProjectedEvent e, ProjectionTables tables, SqlBatch sql)
    {
        var feed = new FeedStatements(tables, sql);
        switch (e.Event)
        {
            case WorkspaceEvent w:
                PlanWorkspace(e, w, feed);
                break;
            case ProjectEvent p:
                PlanProject(e, p, feed);
                break;
            case TaskEvent task:
                PlanTask(e, task, feed);
                break;
            case CommentEvent c:
                PlanComment(e, c, feed);
                break;
        }
    }

    private static void PlanWorkspace(ProjectedEvent e, WorkspaceEvent w, FeedStatements feed)
    {
        var id = w.WorkspaceId;
        switch (w)
        {
            case WorkspaceEvent.WorkspaceCreated c:
                feed.SetWorkspaceName(id, c.Name);
                feed.AddMember(id, c.OwnerId, c.OwnerEmail);
                feed.ToWorkspace(e, id, new("created", "workspace", id, $"created the workspace {c.Name}"));
                break;
            case WorkspaceEvent.WorkspaceRenamed r:
                feed.SetWorkspaceName(id, r.Name);
                feed.ToWorkspace(e, id, new("renamed", "workspace", id, $"renamed the workspace to {r.Name}"));
                break;
            case WorkspaceEvent.MemberInvited i:
                feed.ToWorkspace(e, id, new("invited", "invitation", i.InvitationId, $"invited {i.Email} as {i.Role}", Title: i.Email));
                break;
            case WorkspaceEvent.InvitationRevoked r:
                feed.ToWorkspace(e, id, new("revoked_invitation", "invitation", r.InvitationId, $"revoked the invitation of {r.Email}", Title: r.Email));
                break;
            case WorkspaceEvent.InvitationDeclined d:
                feed.ToWorkspace(e, id, new("declined_invitation", "invitation", d.InvitationId, $"{d.Email} declined the invitation", Title: d.Email));
                break;
            case WorkspaceEvent.InvitationAccepted a:
                feed.AddMember(id, a.UserId, a.Email);
                feed.ToWorkspace(e, id, new("joined", "member", a.UserId, $"{a.Email} joined as {a.Role}", a.UserId));
                break;
            case WorkspaceEvent.MemberRoleChanged r:
                feed.ToWorkspace(e, id, new("changed_role", "member", r.UserId, $"changed a role from {r.PreviousRole} to {r.Role}", r.UserId));
                break;
            case WorkspaceEvent.MemberRemoved r:
                feed.ToWorkspace(e, id, new("removed_member", "member", r.UserId, "removed a member", r.UserId), except: r.UserId);
                feed.RemoveMember(id, r.UserId);
                break;
            case WorkspaceEvent.MemberLeft l:
                feed.ToWorkspace(e, id, new("left", "member", l.UserId, "left the workspace", l.UserId), except: l.UserId);
                feed.RemoveMember(id, l.UserId);
                break;
        }
    }

    private static void PlanProject(ProjectedEvent e, ProjectEvent p, FeedStatements feed)
    {
        var (verb, summary) = p switch
        {
            ProjectEvent.ProjectCreated c => ("created", $"created the project {c.Name}"),
            ProjectEvent.ProjectRenamed r => ("renamed", $"renamed the project to {r.Name}"),
            ProjectEvent.ProjectDescriptionChanged => ("edited_description", "changed the project's description"),
            ProjectEvent.ProjectArchived => ("archived", "archived the project"),
            ProjectEvent.ProjectRestored => ("restored", "restored the project"),
            ProjectEvent.ColumnAdded a => ("added_column", $"added the column {a.Name}"),
            ProjectEvent.ColumnRenamed r => ("renamed_column", $"renamed a column to {r.Name}"),
            ProjectEvent.ColumnsReordered => ("reordered_columns", "reordered the columns"),
            ProjectEvent.ColumnRemoved => ("removed_column", "removed a column"),
            _ => ("changed", "changed the project"),
        };
        switch (p)
        {
            case ProjectEvent.ProjectCreated c:
                feed.SetProjectName(c.ProjectId, c.WorkspaceId, c.Name);
                break;
            case ProjectEvent.ProjectRenamed r:
                feed.SetProjectName(r.ProjectId, r.WorkspaceId, r.Name);
                break;
        }

        feed.ToWorkspace(e, p.WorkspaceId, new(verb, "project", p.ProjectId, summary));
    }

    private static void PlanTask(ProjectedEvent e, TaskEvent task, FeedStatements feed)
    {
        switch (task)
        {
            case TaskEvent.TaskCreated c:
                feed.SetTaskTitle(c.TaskId, c.WorkspaceId, c.Title);
                if (e.ActorId is Guid creator)
                {
                    feed.MarkPeople(c.TaskId, "creator", true, creator);
                }

                feed.MarkPeople(c.TaskId, "assignee", true, [.. c.Assignees]);
                break;
            case TaskEvent.TaskRenamed r:
                feed.SetTaskTitle(r.TaskId, r.WorkspaceId, r.Title);
                break;
            case TaskEvent.TaskAssigned a:
                feed.MarkPeople(a.TaskId, "assignee", true, a.UserId);
                break;
            case TaskEvent.TaskWatched w:
                feed.MarkPeople(w.TaskId, "watcher", true, w.UserId);
                return;
            case TaskEvent.TaskUnwatched u:
                feed.MarkPeople(u.TaskId, "watcher", false, u.UserId);
                return;
        }

        if (TaskText(task) is { } text)
        {
            feed.ToTaskPeople(e, task.WorkspaceId, text);
        }

        if (task is TaskEvent.TaskUnassigned unassigned)
        {
            // After the entry: the person unassigned learns of it, and is no longer concerned from then on.
            feed.MarkPeople(unassigned.TaskId, "assignee", false, unassigned.UserId);
        }
    }

    private static FeedEntryText? TaskText(TaskEvent task) => task switch
    {
        TaskEvent.TaskCreated => new("created", "task", task.TaskId, "created the task"),
        TaskEvent.TaskRenamed r => new("renamed", "task", task.TaskId, Shorten($"renamed the task to {r.Title}")),
        TaskEvent.TaskDescriptionEdited => new("edited_description", "task", task.TaskId, "edited the description"),
        TaskEvent.TaskAssigned a => new("assigned", "task", task.TaskId, "assigned the task", a.UserId),
        TaskEvent.TaskUnassigned u => new("unassigned", "task", task.TaskId, "unassigned the task", u.UserId),
        TaskEvent.TaskMoved => new("moved", "task", task.TaskId, "moved the task to another column"),
        TaskEvent.TaskPriorityChanged p => new("changed_priority", "task", task.TaskId, $"changed the priority to {p.Priority}"),
        TaskEvent.TaskDueDateSet d => new("set_due_date", "task", task.TaskId,
            $"set the due date to {d.DueDate.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"),
        TaskEvent.TaskDueDateCleared => new("cleared_due_date", "task", task.TaskId, "cleared the due date"),
        TaskEvent.TaskLabelAdded l => new("added_label", "task", task.TaskId, Shorten($"added the label {l.Label}")),
        TaskEvent.TaskLabelRemoved l => new("removed_label", "task", task.TaskId, Shorten($"removed the label {l.Label}")),
        TaskEvent.TaskCompleted => new("completed", "task", task.TaskId, "completed the task"),
        TaskEvent.TaskReopened => new("reopened", "task", task.TaskId, "reopened the task"),
        TaskEvent.TaskDeleted => new("deleted", "task", task.TaskId, "deleted the task"),
        TaskEvent.TaskRestored => new("restored", "task", task.TaskId, "restored the task"),
        _ => null,
    };

    private static void PlanComment(ProjectedEvent e, CommentEvent c, FeedStatements feed)
    {
        switch (c)
        {
            case CommentEvent.CommentAdded a:
                feed.MarkPeople(a.TaskId, "mentioned", true, [.. a.MentionedUserIds]);
                feed.ToTaskPeople(e, a.WorkspaceId, new("commented", "task", a.TaskId, Shorten(a.Body)));
                break;
            case CommentEvent.CommentEdited ed:
                feed.MarkPeople(ed.TaskId, "mentioned", true, [.. ed.MentionedUserIds]);
                feed.ToTaskPeople(e, ed.WorkspaceId, new("edited_comment", "task", ed.TaskId, Shorten(ed.Body)));
                break;
            case CommentEvent.CommentDeleted d:
                feed.ToTaskPeople(e, d.WorkspaceId, new("deleted_comment", "task", d.TaskId, "deleted a comment"));
                break;
        }
    }

    private static string Shorten(string text) => text.Length <= SummaryLength ? text : string.Concat(text.AsSpan(0, SummaryLength - 1), "…");
}
