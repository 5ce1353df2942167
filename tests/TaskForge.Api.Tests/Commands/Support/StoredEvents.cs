using JasperFx.Events;
using Marten;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Tests.Commands.Support;

/// <summary>A stored event as the tests look at it: position, version, id, type and metadata.</summary>
public sealed record StoredEvent(long Position, long Version, Guid EventId, string Type, StoredMetadata Metadata)
{
    public static StoredEvent From(IEvent e) => new(e.Sequence, e.Version, e.Id, e.EventTypeName, new StoredMetadata(
        e.Header(EventHeaders.ActorId), e.WorkspaceId(), e.CorrelationId, e.CausationId, e.OccurredAt(),
        (e.Headers ?? []).Keys.ToDictionary(k => k, k => e.Header(k) ?? "", StringComparer.Ordinal)));
}

public sealed record StoredMetadata(string? ActorId, Guid? WorkspaceId, string? CorrelationId, string? CausationId, DateTimeOffset Timestamp, IReadOnlyDictionary<string, string>? Headers);

public static class StoredEvents
{
    public static async Task<List<StoredEvent>> ReadStreamAsync(this IDocumentStore store, string streamId)
    {
        await using var session = store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(streamId)).Select(StoredEvent.From)];
    }

    /// <summary>The stream's version (0 when it does not exist).</summary>
    public static async Task<long> ReadStreamVersionAsync(this IDocumentStore store, string streamId)
    {
        await using var session = store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(streamId))?.Version ?? 0;
    }
}
