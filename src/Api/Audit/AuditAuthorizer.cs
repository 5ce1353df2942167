using Marten;
using TaskForge.Api.Commands.Loading;
using TaskForge.Domain;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Api.Audit;

/// <summary>
/// Who may audit a workspace: the roles that may read its history (owners, admins and auditors, ADRs 0040 and 0084),
/// decided from the workspace's own stream as it is now. A non-member gets NOT_FOUND whether the workspace exists or
/// not; a member without the right gets FORBIDDEN (ADR 0110).
/// </summary>
public sealed class AuditAuthorizer(IDocumentStore store)
{
    /// <summary>Null when <paramref name="actorId"/> may audit the workspace, else the error to report.</summary>
    public async Task<DomainError?> CheckAsync(Guid actorId, Guid workspaceId, string action, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var workspace = await new StreamLoader(session).LoadAsync<WorkspaceState, WorkspaceEvent>(
            StreamIds.Workspace(workspaceId), WorkspaceDecider.Initial, WorkspaceDecider.Evolve, cancellationToken);
        return WorkspaceAccess.Require(workspace.State, workspaceId, actorId, WorkspaceRoles.CanReadHistory, action);
    }
}
