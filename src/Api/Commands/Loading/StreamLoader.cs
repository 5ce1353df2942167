using TaskForge.EventStore;
using TaskForge.EventStore.Serialization;

namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// Reads a stream and folds it with an aggregate's Evolve. No snapshots: a task with 10,000 events loads in the time
/// the benchmark reports (bench/results/commands.md), which did not ask for them (ADR 0052).
/// </summary>
public sealed class StreamLoader(PostgresEventStore store, JsonEventSerializer serializer)
{
    public async Task<LoadedState<TState>> LoadAsync<TState, TEvent>(
        string streamId, TState initial, Func<TState, TEvent, TState> evolve, CancellationToken cancellationToken)
        where TEvent : class
    {
        var recorded = await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken);
        var state = initial;
        long version = 0;
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

        return new LoadedState<TState>(state, version);
    }
}
