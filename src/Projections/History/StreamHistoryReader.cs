using System.Text.Json;
using Marten;
using TaskForge.Domain;
using TaskForge.Projections.Access;
using TaskForge.Projections.Membership;
using TaskForge.Storage.Events;

namespace TaskForge.Projections.History;

/// <summary>
/// The history of any stream, read from the log itself (not a projection): for members of the stream's workspace, and
/// for an inbox only its owner.
/// </summary>
public sealed class StreamHistoryReader(IDocumentStore store, MembershipReader membership)
{
    /// <summary>The stream's events in version order; empty when the stream does not exist.</summary>
    /// <exception cref="WorkspaceAccessDeniedException">The user is not a member of the stream's workspace.</exception>
    /// <exception cref="UnauthorizedAccessException">Someone else's inbox, or a stream of no workspace.</exception>
    public async Task<IReadOnlyList<StreamHistoryEntry>> ReadAsync(
        Guid userId, string streamId, long fromVersion = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromVersion, 1);
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, token: cancellationToken);
        if (events.Count == 0)
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
            var workspaceId = events[0].WorkspaceId() ?? (events[0].Data as IWorkspaceScoped)?.WorkspaceId
                ?? throw new UnauthorizedAccessException($"The stream {streamId} belongs to no workspace; its history is not readable here.");
            await membership.RequireMemberAsync(userId, workspaceId, cancellationToken);
        }

        return [.. events.Where(e => e.Version >= fromVersion).Select(e => new StreamHistoryEntry(
            e.Sequence, e.Version, e.EventTypeName, JsonSerializer.Serialize(e.Data, e.Data.GetType(), EventJson.Options),
            e.Header(EventHeaders.ActorId), e.OccurredAt(), e.Timestamp))];
    }
}
