using TaskForge.Domain;
using TaskForge.Domain.Workspaces;
using TaskForge.EventStore;
using TaskForge.EventStore.Serialization;

namespace TaskForge.Api.Commands.History;

/// <summary>
/// Reads the immutable history of one stream of a workspace for auditors, admins and owners. A non-member learns
/// nothing (NOT_FOUND, whether the stream exists or not); a member without the right gets FORBIDDEN.
/// </summary>
public sealed class HistoryReader(PostgresEventStore store)
{
    private readonly JsonEventSerializer _serializer = new(DomainEventTypes.ByName);

    public async Task<HistoryResult> ReadAsync(Guid actorId, Guid workspaceId, string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        var loader = new Loading.StreamLoader(store, _serializer);
        var workspace = await loader.LoadAsync<WorkspaceState, WorkspaceEvent>(
            StreamIds.Workspace(workspaceId), WorkspaceDecider.Initial, WorkspaceDecider.Evolve, cancellationToken);
        if (WorkspaceAccess.Require(workspace.State, workspaceId, actorId, WorkspaceRoles.CanReadHistory, "read the history") is { } denied)
            return new HistoryResult.Denied(denied);

        var recorded = await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken);
        if (recorded.Count == 0 || recorded.Any(e => e.Metadata.WorkspaceId != workspaceId))
            return new HistoryResult.Denied(DomainError.NotFound("Stream"));
        return new HistoryResult.Read([.. recorded.Select(e => new HistoryEntry(
            e.Position, e.Version, e.Type, _serializer.Deserialize(e), e.Metadata, e.CreatedAt))]);
    }
}
