using Microsoft.Extensions.Caching.Memory;

namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// Folded states of long streams, kept in process (ADR 0052). Events are immutable and streams only grow, so a
/// state at version v plus the events after v is the current state: a cached entry is never stale, only behind,
/// and a load reads just the events after it (a redaction evicts the states it makes stale). Bounded by entry count (least recently used go first).
/// </summary>
public sealed class StateCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _slidingExpiration;
    private readonly Lock _writes = new();

    /// <param name="capacity">How many states to keep.</param>
    /// <param name="minimumVersion">Streams shorter than this are not kept. 1 by default: a command that finds every
    /// stream it needs here reads none of them (ADR 0125), which matters more than the fold a long stream saves.</param>
    /// <param name="trusted">Whether a command may decide on these states without reading the streams (ADR 0125);
    /// when false every load reads the events after the cached state, as ADR 0052 first had it.</param>
    public StateCache(int capacity = 10_000, long minimumVersion = 1, TimeSpan? slidingExpiration = null, bool trusted = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
        MinimumVersion = minimumVersion;
        Trusted = trusted;
        _slidingExpiration = slidingExpiration ?? TimeSpan.FromMinutes(30);
    }

    public long MinimumVersion { get; }

    public bool Trusted { get; }

    public LoadedState<TState>? Get<TState>(string streamId) =>
        _cache.TryGetValue(Key<TState>(streamId), out var value) ? value as LoadedState<TState> : null;

    /// <summary>Keeps <paramref name="state"/> when the stream is long enough and the cache holds no newer state.</summary>
    public void Offer<TState>(string streamId, LoadedState<TState> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Version < MinimumVersion)
            return;
        lock (_writes)
        {
            if (Get<TState>(streamId) is { } cached && cached.Version >= state.Version)
                return;
            _cache.Set(Key<TState>(streamId), state, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _slidingExpiration });
        }
    }

    /// <summary>
    /// Drops the state of a stream when it is still the one at <paramref name="version"/>: a command found that version
    /// stale. A newer state, kept meanwhile by another command, stays, so entries only ever move forward.
    /// </summary>
    public void Evict<TState>(string streamId, long version)
    {
        lock (_writes)
        {
            if (Get<TState>(streamId) is { } cached && cached.Version == version)
                _cache.Remove(Key<TState>(streamId));
        }
    }

    /// <summary>
    /// Drops the cached state of a stream whose stored events were rewritten (a signed redaction of a forgotten user's
    /// data): the next load folds it from the log again.
    /// </summary>
    public void Evict<TState>(string streamId) => _cache.Remove(Key<TState>(streamId));

    public void Dispose() => _cache.Dispose();

    private static (Type, string) Key<TState>(string streamId) => (typeof(TState), streamId);
}
