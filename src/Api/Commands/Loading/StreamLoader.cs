using TaskForge.EventStore;
using TaskForge.EventStore.Serialization;

namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// Reads a stream and folds it with an aggregate's Evolve, starting from a cached state of the stream when there is
/// one (then only the events after it are read). See ADR 0052 for why a cache and not stored snapshots.
/// </summary>
public sealed class StreamLoader(PostgresEventStore store, JsonEventSerializer serializer, StateCache? cache = null)
{
    public async Task<LoadedState<TState>> LoadAsync<TState, TEvent>(
        string streamId, TState initial, Func<TState, TEvent, TState> evolve, CancellationToken cancellationToken)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(evolve);
        var start = cache?.Get<TState>(streamId) ?? new LoadedState<TState>(initial, 0);
        var recorded = await store.ReadStreamAsync(streamId, start.Version + 1, cancellationToken: cancellationToken);
        var state = start.State;
        var version = start.Version;
        foreach (var stored in recorded)
        {
            if (serializer.Deserialize(stored) is not TEvent @event)
            {
                throw new InvalidDataException(
                    $"Stream '{streamId}' holds event {stored.EventId} of type {stored.Type}, which is not a {typeof(TEvent).Name}.");
            }

            state = evolve(state, @event);
            version = stored.Version;
        }

        var loaded = new LoadedState<TState>(state, version, recorded.Count);
        if (recorded.Count > 0)
            cache?.Offer(streamId, loaded);
        return loaded;
    }
}
