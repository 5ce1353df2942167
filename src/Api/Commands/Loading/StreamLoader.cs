using JasperFx.Events;
using Marten;

namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// Reads streams from Marten and folds them with their aggregate's Evolve, starting from a cached state of a stream
/// when there is one (then only the events after it are read). See ADR 0052 for why a cache and not stored snapshots.
/// A loader that <see cref="TrustsCache"/> reads nothing for a batch whose states are all known, and records them in
/// <see cref="TrustedStreams"/> so that the append can check their versions (ADR 0125). A loader that resumes such a
/// loader reads each of its streams from the state it trusted, so the events that made it stale are the ones read.
/// </summary>
public sealed class StreamLoader
{
    private readonly IQuerySession _session;
    private readonly StateCache? _cache;
    private readonly List<StreamBatch.IPendingLoad> _trusted = [];
    private readonly Dictionary<string, StreamBatch.IPendingLoad>? _resume;
    private readonly Dictionary<string, long> _newestRead = new(StringComparer.Ordinal);

    public StreamLoader(IQuerySession session, StateCache? cache = null, bool trustCache = false)
        : this(session, cache, trustCache, null)
    {
    }

    private StreamLoader(IQuerySession session, StateCache? cache, bool trustCache, StreamLoader? resume)
    {
        _session = session;
        _cache = cache;
        TrustsCache = trustCache && cache is { Trusted: true };
        _resume = resume?._trusted.ToDictionary(l => l.StreamId, StringComparer.Ordinal);
    }

    public bool TrustsCache { get; }

    /// <summary>The streams whose states were taken from the cache unread, with the versions they were taken at.</summary>
    public IReadOnlyList<(string StreamId, long Version)> TrustedStreams => [.. _trusted.Select(l => (l.StreamId, l.StartVersion))];

    /// <summary>A loader that reads every stream this one trusted from the state it trusted (and others as usual).</summary>
    internal StreamLoader Resume(IQuerySession session) => new(session, _cache, trustCache: false, this);

    /// <summary>A batch of streams to read in one round trip.</summary>
    public StreamBatch Batch() => new(_session, _cache, this);

    public async Task<LoadedState<TState>> LoadAsync<TState, TEvent>(
        string streamId, TState initial, Func<TState, TEvent, TState> evolve, CancellationToken cancellationToken)
        where TEvent : class
    {
        var batch = Batch();
        var load = batch.Add(streamId, initial, evolve);
        await batch.LoadAsync(cancellationToken);
        return load.Value;
    }

    /// <summary>The highest global event id this loader read from the stream (0 when it read none).</summary>
    public long NewestSequenceRead(string streamId) => _newestRead.GetValueOrDefault(streamId);

    internal LoadedState<TState>? Resumed<TState>(string streamId) =>
        _resume is not null && _resume.TryGetValue(streamId, out var load) && load is StreamBatch.PendingLoad<TState> typed ? typed.Initial : null;

    internal void Trusted(StreamBatch.IPendingLoad load) => _trusted.Add(load);

    internal void Read(string streamId, IReadOnlyList<IEvent> events)
    {
        if (events.Count > 0)
            _newestRead[streamId] = Math.Max(NewestSequenceRead(streamId), events.Max(e => e.Sequence));
    }

    /// <summary>Drops the trusted states from the cache: one of them proved stale.</summary>
    internal void ForgetTrusted()
    {
        if (_cache is null)
            return;
        foreach (var load in _trusted)
            load.Evict(_cache);
    }
}
