using Marten;

namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// Reads streams from Marten and folds them with their aggregate's Evolve, starting from a cached state of a stream
/// when there is one (then only the events after it are read). See ADR 0052 for why a cache and not stored snapshots.
/// </summary>
public sealed class StreamLoader(IQuerySession session, StateCache? cache = null)
{
    /// <summary>A batch of streams to read in one round trip.</summary>
    public StreamBatch Batch() => new(session, cache);

    public async Task<LoadedState<TState>> LoadAsync<TState, TEvent>(
        string streamId, TState initial, Func<TState, TEvent, TState> evolve, CancellationToken cancellationToken)
        where TEvent : class
    {
        var batch = Batch();
        var load = batch.Add(streamId, initial, evolve);
        await batch.LoadAsync(cancellationToken);
        return load.Value;
    }
}
