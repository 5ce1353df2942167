using TaskForge.Domain;
using TaskForge.EventStore;
using TaskForge.Projections.Access;
using TaskForge.Projections.Events;
using TaskForge.Projections.Membership;

namespace TaskForge.Projections.History;

/// <summary>
/// The history of any stream, read from the log itself (not a projection): for members of the stream's workspace, and
/// for an inbox only its owner.
/// </summary>
public sealed class StreamHistoryReader(PostgresEventStore store, MembershipReader membership)
{
    /// <summary>The stream's events in version order; empty when the stream does not exist.</summary>
    /// <exception cref="WorkspaceAccessDeniedException">The user is not a member of the stream's workspace.</exception>
    /// <exception cref="UnauthorizedAccessException">Someone else's inbox, or a stream of no workspace.</exception>
    public async Task<IReadOnlyList<StreamHistoryEntry>> ReadAsync(
        Guid userId, string streamId, long fromVersion = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromVersion, 1);
        var first = await store.ReadStreamAsync(streamId, 1, 1, cancellationToken);
        if (first.Count == 0)
        {
            return [];
        }

        if (streamId.StartsWith("inbox-", StringComparison.Ordinal))
        {
            if (streamId != StreamIds.Inbox(userId))
            {
                throw new UnauthorizedAccessException("An inbox's history is readable by its owner only.");
            }
        }
        else
        {
            var workspaceId = first[0].Metadata.WorkspaceId
                ?? (DomainProjection.Serializer.IsKnown(first[0].Type) ? DomainProjection.Serializer.Deserialize(first[0]) as IWorkspaceScoped : null)?.WorkspaceId
                ?? throw new UnauthorizedAccessException($"The stream {streamId} belongs to no workspace; its history is not readable here.");
            await membership.RequireMemberAsync(userId, workspaceId, cancellationToken);
        }

        var events = await store.ReadStreamAsync(streamId, fromVersion, long.MaxValue, cancellationToken);
        return [.. events.Select(e => new StreamHistoryEntry(e.Position, e.Version, e.Type, e.Data, e.Metadata.ActorId, e.Metadata.Timestamp, e.CreatedAt))];
    }
}
