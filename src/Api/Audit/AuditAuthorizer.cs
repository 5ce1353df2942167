using Marten;
using TaskForge.Api.Commands.Loading;
using TaskForge.Domain;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Audit;

/// <summary>
/// Who may audit a workspace: its owners and auditors (ADR 0117, superseding ADR 0110's owners, admins and auditors),
/// decided from the workspace's own stream as it is now. A non-member gets NOT_FOUND whether the workspace exists or
/// not; a member without the right gets FORBIDDEN.
/// </summary>
public sealed class AuditAuthorizer(IDocumentStore store)
{
    /// <summary>Null when <paramref name="actorId"/> may audit the workspace, else the error to report.</summary>
    /// <param name="rule">The roles allowed; <see cref="WorkspaceRoles.CanAudit"/> unless given (the task history of ADR 0084 keeps its own).</param>
    public async Task<DomainError?> CheckAsync(Guid actorId, Guid workspaceId, string action, CancellationToken cancellationToken, Func<WorkspaceRole, bool>? rule = null)
    {
        await using var session = store.QuerySession();
        var workspace = await new StreamLoader(session).LoadAsync<WorkspaceState, WorkspaceEvent>(
            StreamIds.Workspace(workspaceId), WorkspaceDecider.Initial, WorkspaceDecider.Evolve, cancellationToken);
        return WorkspaceAccess.Require(workspace.State, workspaceId, actorId, rule ?? WorkspaceRoles.CanAudit, action);
    }
}
