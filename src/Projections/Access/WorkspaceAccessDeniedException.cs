namespace TaskForge.Projections.Access;

/// <summary>The user is not a member of the workspace (or it does not exist: the two are not told apart).</summary>
public sealed class WorkspaceAccessDeniedException(Guid userId, Guid workspaceId)
    : Exception($"User {userId} is not a member of workspace {workspaceId}.")
{
    public Guid UserId { get; } = userId;

    public Guid WorkspaceId { get; } = workspaceId;
}
