using TaskForge.Domain.Tasks;
using TaskForge.Projections.Board;
using TaskForge.Projections.Tasks;

namespace TaskForge.Api.Tasks;

/// <summary>
/// A task as GraphQL serves it: from its board card (what a board shows) or its detail view (everything). Fields a card
/// lacks are loaded, batched, from the detail read model when a query asks for them.
/// </summary>
public sealed record TaskObject(Guid WorkspaceId, Guid ProjectId, Guid TaskId, Guid ColumnId, BoardCard? Card, TaskDetailView? Detail)
{
    public string Title => Card?.Title ?? Detail!.Title;

    public TaskPriority Priority => Card?.Priority ?? Detail!.Priority;

    public DateTimeOffset? DueDate => Card is not null ? Card.DueDate : Detail!.DueDate;

    public IReadOnlyList<string> Labels => Card?.Labels ?? Detail!.Labels;

    public IReadOnlyList<Guid> AssigneeIds => Card?.Assignees ?? Detail!.Assignees;

    public bool Completed => Card?.Completed ?? Detail!.Completed;

    public string Position => Card?.Rank ?? Detail!.Rank;

    public int CommentCount => Card?.CommentCount ?? Detail!.Comments.Count;

    public long Version => Card?.Version ?? Detail!.Version;

    public long EventId => Card?.EventId ?? Detail!.EventId;

    public static TaskObject FromCard(Guid workspaceId, Guid projectId, Guid columnId, BoardCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new TaskObject(workspaceId, projectId, card.TaskId, columnId, card, null);
    }

    public static TaskObject FromDetail(TaskDetailView detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return new TaskObject(detail.WorkspaceId, detail.ProjectId, detail.TaskId, detail.ColumnId, null, detail);
    }
}
