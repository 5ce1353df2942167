namespace TaskForge.Domain.Workspaces;

/// <summary>Pure read-side authorization over a workspace's membership, for readers of any kind.</summary>
public static class WorkspaceAccess
{
    public static WorkspaceRole? RoleOf(WorkspaceState workspace, Guid userId) =>
        workspace is WorkspaceState.Active active ? active.RoleOf(userId) : null;

    public static bool CanRead(WorkspaceState workspace, Guid userId) => RoleOf(workspace, userId) is not null;

    public static bool CanReadHistory(WorkspaceState workspace, Guid userId) =>
        RoleOf(workspace, userId) is { } role && role.CanReadHistory();

    /// <summary>
    /// NOT_FOUND when the workspace does not exist, is another one, or the actor is not a member
    /// (a non-member must not learn it exists); FORBIDDEN when the actor's role is too low.
    /// </summary>
    public static DomainError? Require(WorkspaceState workspace, Guid workspaceId, Guid actorId, Func<WorkspaceRole, bool> allowed, string action)
    {
        if (workspace is not WorkspaceState.Active active || active.WorkspaceId != workspaceId || active.RoleOf(actorId) is not { } role)
            return DomainError.NotFound("Workspace");
        return allowed(role) ? null : DomainError.Forbidden($"{WithArticle(role)} may not {action}.");
    }

    /// <summary>"A member", "An admin", "An auditor", ...</summary>
    private static string WithArticle(WorkspaceRole role)
    {
        var name = role.ToString().ToLowerInvariant();
        return ("aeiou".Contains(name[0], StringComparison.Ordinal) ? "An " : "A ") + name;
    }
}
