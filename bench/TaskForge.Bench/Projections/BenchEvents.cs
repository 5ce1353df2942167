using TaskForge.Domain;
using TaskForge.EventStore;
using TaskForge.EventStore.Appending;
using TaskForge.Projections.Events;

namespace TaskForge.Bench.Projections;

/// <summary>Domain events as the API would append them (stable type names, JSON, actor and workspace in the metadata).</summary>
internal static class BenchEvents
{
    public static EventData Data(Guid actor, object @event) => new(
        Guid.NewGuid(),
        DomainProjection.Serializer.TypeName(@event),
        DomainProjection.Serializer.Serialize(@event),
        new EventMetadata(actor.ToString(), (@event as IWorkspaceScoped)?.WorkspaceId, "bench", null, DateTimeOffset.UtcNow));

    public static Task AppendAsync(PostgresEventStore store, string streamId, Guid actor, params object[] events) =>
        store.AppendAsync(streamId, ExpectedVersion.Any, [.. events.Select(e => Data(actor, e))]);
}
