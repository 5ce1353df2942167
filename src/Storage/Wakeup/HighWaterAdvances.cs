using JasperFx.Events.Projections;
using Marten;

namespace TaskForge.Storage.Wakeup;

/// <summary>
/// Tells in-process readers the moment this process's daemon certifies a new high-water mark. Marten writes the mark to
/// <c>mt_event_progression</c> before it publishes it on the database's shard-state tracker, so a reader woken here finds
/// the new mark in the database. Only the node whose daemon runs the high-water agent hears anything; readers elsewhere
/// keep their notice and polling (ADR 0136).
/// </summary>
public static class HighWaterAdvances
{
    /// <summary>Calls <paramref name="onAdvance"/> with each new mark until the returned handle is disposed.</summary>
    public static IDisposable Subscribe(IDocumentStore store, Action<long> onAdvance)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(onAdvance);
        return store.Storage.Database.Tracker.Subscribe(new Observer(onAdvance));
    }

    private sealed class Observer(Action<long> onAdvance) : IObserver<ShardState>
    {
        public void OnNext(ShardState value)
        {
            if (value.ShardName == ShardState.HighWaterMark)
                onAdvance(value.Sequence);
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
