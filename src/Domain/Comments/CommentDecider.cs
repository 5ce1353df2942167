using TaskForge.Domain.Tasks;
using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Comments.CommentCommand;
using static TaskForge.Domain.Comments.CommentEvent;

namespace TaskForge.Domain.Comments;

public static class CommentDecider
{
    public static CommentState Initial => CommentState.Initial;

    public static Decision<CommentEvent> Decide(CommentCommand command, CommentState state, CommentContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (WorkspaceAccess.Require(context.Workspace, command.WorkspaceId, command.ActorId, WorkspaceRoles.CanChangeContent, "comment") is { } denied)
            return denied;
        if (context.Task is not TaskState.Active { Details: var task }
            || task.WorkspaceId != command.WorkspaceId || task.ProjectId != command.ProjectId || task.TaskId != command.TaskId)
            return DomainError.NotFound("Task");
        var workspace = (WorkspaceState.Active)context.Workspace;

        return (command, state) switch
        {
            (AddComment c, CommentState.NotCreated) => Add(c, workspace),
            (AddComment c, CommentState.Active { Details: var existing }) when IsRepeat(c, existing) => Decision<CommentEvent>.None,
            (AddComment, _) => new DomainError(ErrorCodes.AlreadyExists, "A comment with this id already exists."),
            (DeleteComment c, CommentState.Deleted { Details: var deleted }) when Belongs(deleted, c) => Decision<CommentEvent>.None,
            (_, CommentState.Active { Details: var comment }) when Belongs(comment, command) => command switch
            {
                EditComment c => Edit(c, comment, workspace),
                DeleteComment c => Delete(c, comment, workspace),
                _ => DomainError.Validation($"Unknown comment command {command.GetType().Name}."),
            },
            _ => DomainError.NotFound("Comment"),
        };
    }

    private static Decision<CommentEvent> Add(AddComment c, WorkspaceState.Active workspace)
    {
        if (TextInput.MultiLine("body", c.Body, InputLimits.CommentMaxLength, allowEmpty: false, out var body) is { } error)
            return error;
        return new CommentAdded(c.CommentId, c.TaskId, c.ProjectId, c.WorkspaceId, c.ActorId, body, Mentions.Resolve(body, workspace));
    }

    private static Decision<CommentEvent> Edit(EditComment c, CommentDetails comment, WorkspaceState.Active workspace)
    {
        if (comment.AuthorId != c.ActorId)
            return DomainError.Forbidden("Only the author may edit a comment.");
        if (TextInput.MultiLine("body", c.Body, InputLimits.CommentMaxLength, allowEmpty: false, out var body) is { } error)
            return error;
        return body == comment.Body
            ? Decision<CommentEvent>.None
            : new CommentEdited(c.CommentId, c.TaskId, c.ProjectId, c.WorkspaceId, body, Mentions.Resolve(body, workspace));
    }

    private static Decision<CommentEvent> Delete(DeleteComment c, CommentDetails comment, WorkspaceState.Active workspace)
    {
        if (!IsAuthorOrManager(comment, c.ActorId, workspace))
            return DomainError.Forbidden("Only the author or an admin may delete a comment.");
        return new CommentDeleted(c.CommentId, c.TaskId, c.ProjectId, c.WorkspaceId);
    }

    private static bool IsAuthorOrManager(CommentDetails comment, Guid actorId, WorkspaceState.Active workspace) =>
        comment.AuthorId == actorId || workspace.RoleOf(actorId) is { } role && role.CanManage();

    private static bool IsRepeat(AddComment c, CommentDetails existing) =>
        Belongs(existing, c) && existing.AuthorId == c.ActorId && existing.Body == (c.Body ?? string.Empty).Trim();

    private static bool Belongs(CommentDetails comment, CommentCommand command) =>
        comment.CommentId == command.CommentId && comment.TaskId == command.TaskId
        && comment.ProjectId == command.ProjectId && comment.WorkspaceId == command.WorkspaceId;

    public static CommentState Evolve(CommentState state, CommentEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return (state, @event) switch
        {
            (_, CommentAdded e) => new CommentState.Active(
                new CommentDetails(e.CommentId, e.TaskId, e.ProjectId, e.WorkspaceId, e.AuthorId, e.Body, [.. e.MentionedUserIds])),
            (CommentState.Active active, CommentEdited e) => new CommentState.Active(
                active.Details with { Body = e.Body, MentionedUserIds = [.. e.MentionedUserIds] }),
            (CommentState.Active active, CommentDeleted) => new CommentState.Deleted(active.Details),
            _ => state,
        };
    }
}
