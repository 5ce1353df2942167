using JasperFx.Events;
using Marten;
using TaskForge.Domain;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Commands.History;

/// <summary>
/// Reads the immutable history of one stream of a workspace for auditors, admins and owners. A non-member learns
/// nothing (NOT_FOUND, whether the stream exists or not); a member without the right gets FORBIDDEN.
/// </summary>
public sealed class HistoryReader(IDocumentStore store, Audit.AuditAuthorizer authorizer)
{
    public async Task<HistoryResult> ReadAsync(Guid actorId, Guid workspaceId, string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        if (await authorizer.CheckAsync(actorId, workspaceId, "read the history", cancellationToken, WorkspaceRoles.CanReadHistory) is { } denied)
            return new HistoryResult.Denied(denied);

        await using var session = store.QuerySession();
        var recorded = await session.Events.FetchStreamAsync(streamId, token: cancellationToken);
        if (recorded.Count == 0 || recorded.Any(e => e.WorkspaceId() != workspaceId))
            return new HistoryResult.Denied(DomainError.NotFound("Stream"));
        return new HistoryResult.Read([.. recorded.Select(e => new HistoryEntry(e.Sequence, e.Version, e.EventTypeName, e.Data, MetadataOf(e), e.Timestamp))]);
    }

    public static HistoryMetadata MetadataOf(IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var headers = (e.Headers ?? []).Keys.ToDictionary(k => k, e.Header, StringComparer.Ordinal);
        return new HistoryMetadata(e.Header(EventHeaders.ActorId), e.WorkspaceId(), e.CorrelationId, e.CausationId, e.OccurredAt(), headers);
    }
}
