using System.Collections.Frozen;
using TaskForge.Domain.Comments;
using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Domain;

/// <summary>
/// Every concrete domain event type under a stable name, unique across aggregates. The names are
/// part of the stored log: renaming a class must not change its name here.
/// </summary>
public static class DomainEventTypes
{
    public static IReadOnlyDictionary<string, Type> ByName { get; } = new Dictionary<string, Type>
    {
        ["WorkspaceCreated"] = typeof(WorkspaceEvent.WorkspaceCreated),
        ["WorkspaceRenamed"] = typeof(WorkspaceEvent.WorkspaceRenamed),
        ["MemberInvited"] = typeof(WorkspaceEvent.MemberInvited),
        ["InvitationRevoked"] = typeof(WorkspaceEvent.InvitationRevoked),
        ["InvitationAccepted"] = typeof(WorkspaceEvent.InvitationAccepted),
        ["InvitationDeclined"] = typeof(WorkspaceEvent.InvitationDeclined),
        ["MemberRoleChanged"] = typeof(WorkspaceEvent.MemberRoleChanged),
        ["MemberRemoved"] = typeof(WorkspaceEvent.MemberRemoved),
        ["MemberLeft"] = typeof(WorkspaceEvent.MemberLeft),
        ["ProjectCreated"] = typeof(ProjectEvent.ProjectCreated),
        ["ProjectRenamed"] = typeof(ProjectEvent.ProjectRenamed),
        ["ProjectDescriptionChanged"] = typeof(ProjectEvent.ProjectDescriptionChanged),
        ["ProjectArchived"] = typeof(ProjectEvent.ProjectArchived),
        ["ProjectRestored"] = typeof(ProjectEvent.ProjectRestored),
        ["ColumnAdded"] = typeof(ProjectEvent.ColumnAdded),
        ["ColumnRenamed"] = typeof(ProjectEvent.ColumnRenamed),
        ["ColumnsReordered"] = typeof(ProjectEvent.ColumnsReordered),
        ["ColumnRemoved"] = typeof(ProjectEvent.ColumnRemoved),
        ["TaskCreated"] = typeof(TaskEvent.TaskCreated),
        ["TaskRenamed"] = typeof(TaskEvent.TaskRenamed),
        ["TaskDescriptionEdited"] = typeof(TaskEvent.TaskDescriptionEdited),
        ["TaskAssigned"] = typeof(TaskEvent.TaskAssigned),
        ["TaskUnassigned"] = typeof(TaskEvent.TaskUnassigned),
        ["TaskMoved"] = typeof(TaskEvent.TaskMoved),
        ["TaskPriorityChanged"] = typeof(TaskEvent.TaskPriorityChanged),
        ["TaskDueDateSet"] = typeof(TaskEvent.TaskDueDateSet),
        ["TaskDueDateCleared"] = typeof(TaskEvent.TaskDueDateCleared),
        ["TaskLabelAdded"] = typeof(TaskEvent.TaskLabelAdded),
        ["TaskLabelRemoved"] = typeof(TaskEvent.TaskLabelRemoved),
        ["TaskWatched"] = typeof(TaskEvent.TaskWatched),
        ["TaskUnwatched"] = typeof(TaskEvent.TaskUnwatched),
        ["TaskCompleted"] = typeof(TaskEvent.TaskCompleted),
        ["TaskReopened"] = typeof(TaskEvent.TaskReopened),
        ["TaskDeleted"] = typeof(TaskEvent.TaskDeleted),
        ["TaskRestored"] = typeof(TaskEvent.TaskRestored),
        ["CommentAdded"] = typeof(CommentEvent.CommentAdded),
        ["CommentEdited"] = typeof(CommentEvent.CommentEdited),
        ["CommentDeleted"] = typeof(CommentEvent.CommentDeleted),
        ["NotificationRead"] = typeof(InboxEvent.NotificationRead),
        ["AllNotificationsRead"] = typeof(InboxEvent.AllNotificationsRead),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyDictionary<Type, string> ByType { get; } =
        ByName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    public static string NameOf(Type eventType) =>
        ByType.TryGetValue(eventType, out var name)
            ? name
            : throw new ArgumentException($"{eventType.FullName} is not a registered domain event type.", nameof(eventType));

    public static string NameOf(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return NameOf(@event.GetType());
    }

    public static Type? TypeOf(string name) => ByName.TryGetValue(name, out var type) ? type : null;
}
