using Marten;
using TaskForge.Domain;
using TaskForge.Domain.Projects;
using TaskForge.Domain.Tasks;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime.Authorization;

/// <summary>
/// Finds the workspace of a project or task scope given by its bare id, from the first event of its stream (ids never
/// move between workspaces). Scopes that already name their workspace (decoded from a global id) are kept as they are.
/// </summary>
public sealed class ScopeResolver(IDocumentStore store)
{
    /// <summary>The scope with its workspace, or null when no such project or task exists.</summary>
    public async Task<Scope?> ResolveAsync(Scope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Kind == ScopeKind.Me || scope.WorkspaceId is not null)
            return scope;
        var stream = scope.Kind == ScopeKind.Project ? StreamIds.Project(scope.Id) : StreamIds.Task(scope.Id);
        await using var session = store.QuerySession();
        var first = await session.Events.FetchStreamAsync(stream, version: 1, token: cancellationToken);
        var workspace = first.Count == 0 ? (Guid?)null : first[0].Data switch
        {
            ProjectEvent p => p.WorkspaceId,
            TaskEvent t => t.WorkspaceId,
            _ => null,
        };
        return workspace is null ? null : scope with { WorkspaceId = workspace };
    }
}
