using TaskForge.Domain;
using TaskForge.EventStore;
using TaskForge.EventStore.Appending;
using TaskForge.Projections.Events;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Appends domain events as the command handler would: stable type names, JSON bodies, actor and workspace in the metadata.</summary>
public sealed class DomainLog(PostgresEventStore store)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private int _tick;

    /// <summary>Appends the events to the stream and returns their positions (global event ids).</summary>
    public async Task<IReadOnlyList<long>> AppendAsync(string streamId, Guid? actor, params object[] events)
    {
        var data = events.Select(e => new EventData(
            Guid.NewGuid(),
            DomainProjection.Serializer.TypeName(e),
            DomainProjection.Serializer.Serialize(e),
            new EventMetadata(actor?.ToString(), (e as IWorkspaceScoped)?.WorkspaceId, null, null, Start.AddMinutes(Interlocked.Increment(ref _tick))))).ToList();
        var result = await store.AppendAsync(streamId, ExpectedVersion.Any, data);
        return result.Positions;
    }

    public async Task<long> AppendOneAsync(string streamId, Guid? actor, object @event) => (await AppendAsync(streamId, actor, @event))[0];
}
