using TaskForge.EventStore;
using TaskForge.EventStore.Reading;
using TaskForge.EventStore.Serialization;

namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// The streams one command folds (its target and its context), read in one round trip: each from its cached
/// state's version on, folded with its own aggregate's Evolve.
/// </summary>
public sealed class StreamBatch
{
    private readonly PostgresEventStore _store;
    private readonly JsonEventSerializer _serializer;
    private readonly StateCache? _cache;
    private readonly List<IPendingLoad> _loads = [];

    internal StreamBatch(PostgresEventStore store, JsonEventSerializer serializer, StateCache? cache)
    {
        _store = store;
        _serializer = serializer;
        _cache = cache;
    }

    /// <summary>Adds a stream; its state is in the returned load's <see cref="PendingLoad{TState}.Value"/> after <see cref="LoadAsync"/>.</summary>
    public PendingLoad<TState> Add<TState, TEvent>(string streamId, TState initial, Func<TState, TEvent, TState> evolve)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(evolve);
        var start = _cache?.Get<TState>(streamId) ?? new LoadedState<TState>(initial, 0);
        var load = new PendingLoad<TState>(streamId, start, (state, stored) => _serializer.Deserialize(stored) is TEvent @event
            ? evolve(state, @event)
            : throw new InvalidDataException($"Stream '{streamId}' holds event {stored.EventId} of type {stored.Type}, which is not a {typeof(TEvent).Name}."));
        _loads.Add(load);
        return load;
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var read = await _store.ReadStreamsAsync([.. _loads.Select(l => new StreamSlice(l.StreamId, l.StartVersion + 1))], cancellationToken);
        foreach (var load in _loads)
        {
            load.Fold(read[load.StreamId], _cache);
        }
    }

    private interface IPendingLoad
    {
        string StreamId { get; }

        long StartVersion { get; }

        void Fold(IReadOnlyList<RecordedEvent> events, StateCache? cache);
    }

    /// <summary>One stream of a batch.</summary>
    public sealed class PendingLoad<TState> : IPendingLoad
    {
        private readonly LoadedState<TState> _start;
        private readonly Func<TState, RecordedEvent, TState> _evolve;
        private LoadedState<TState>? _value;

        internal PendingLoad(string streamId, LoadedState<TState> start, Func<TState, RecordedEvent, TState> evolve)
        {
            StreamId = streamId;
            _start = start;
            _evolve = evolve;
        }

        public string StreamId { get; }

        public long StartVersion => _start.Version;

        public LoadedState<TState> Value => _value ?? throw new InvalidOperationException("The batch has not been loaded.");

        void IPendingLoad.Fold(IReadOnlyList<RecordedEvent> events, StateCache? cache)
        {
            var state = _start.State;
            var version = _start.Version;
            foreach (var stored in events)
            {
                state = _evolve(state, stored);
                version = stored.Version;
            }

            _value = new LoadedState<TState>(state, version, events.Count);
            if (events.Count > 0)
            {
                cache?.Offer(StreamId, _value);
            }
        }
    }
}
