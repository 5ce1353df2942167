using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// The streams one command folds (its target and its context), read from Marten in one round trip (a batch query):
/// each from its cached state's version on, folded with its own aggregate's Evolve. When the loader trusts the cache
/// and every stream of the batch has a cached state (or is a stream the command creates), nothing is read: the command
/// decides on the cached states and the append checks their versions (ADR 0125).
/// </summary>
public sealed class StreamBatch
{
    private readonly IQuerySession _session;
    private readonly StateCache? _cache;
    private readonly StreamLoader? _loader;
    private readonly List<IPendingLoad> _loads = [];

    internal StreamBatch(IQuerySession session, StateCache? cache, StreamLoader? loader = null)
    {
        _session = session;
        _cache = cache;
        _loader = loader;
    }

    /// <summary>Adds a stream; its state is in the returned load's <see cref="PendingLoad{TState}.Value"/> after <see cref="LoadAsync"/>.</summary>
    /// <param name="created">
    /// The stream is the one a create command makes. When the loader trusts the cache, an uncached one counts as empty
    /// without a read; if it does exist (a retried key), the append's expected version refuses it and the command reads it.
    /// </param>
    public PendingLoad<TState> Add<TState, TEvent>(string streamId, TState initial, Func<TState, TEvent, TState> evolve, bool created = false)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(evolve);
        var resumed = _loader?.Resumed<TState>(streamId);
        var cached = resumed is null ? _cache?.Get<TState>(streamId) : null;
        var load = new PendingLoad<TState>(
            streamId,
            resumed ?? cached ?? new LoadedState<TState>(initial, 0),
            cached is not null || created,
            (state, stored) => stored.Data is TEvent @event
                ? evolve(state, @event)
                : throw new InvalidDataException($"Stream '{streamId}' holds event {stored.Id} of type {stored.EventTypeName}, which is not a {typeof(TEvent).Name}."),
            (state, decided) => evolve(state, (TEvent)decided));
        _loads.Add(load);
        return load;
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_loader is { TrustsCache: true } loader && _loads.TrueForAll(l => l.Known))
        {
            foreach (var load in _loads)
            {
                load.Start();
                loader.Trusted(load);
            }
            return;
        }

        var batch = _session.CreateBatchQuery();
        var reads = _loads.Select(l => l.Queue(batch)).ToList();
        await batch.Execute(cancellationToken);
        for (var i = 0; i < _loads.Count; i++)
        {
            var events = await reads[i];
            _loads[i].Fold(events, _cache);
            _loader?.Read(_loads[i].StreamId, events);
        }
    }

    internal interface IPendingLoad
    {
        string StreamId { get; }

        /// <summary>True when the state to start from is known without a read: cached, or a stream being created.</summary>
        bool Known { get; }

        /// <summary>The version of the state the load starts from.</summary>
        long StartVersion { get; }

        /// <summary>Takes the start state as the value, unread.</summary>
        void Start();

        Task<IReadOnlyList<IEvent>> Queue(IBatchedQuery batch);

        void Fold(IReadOnlyList<IEvent> events, StateCache? cache);

        void Evict(StateCache cache);
    }

    /// <summary>One stream of a batch.</summary>
    public sealed class PendingLoad<TState> : IPendingLoad
    {
        private readonly LoadedState<TState> _start;
        private readonly Func<TState, IEvent, TState> _evolve;
        private readonly Func<TState, object, TState> _evolveDecided;
        private LoadedState<TState>? _value;

        internal PendingLoad(string streamId, LoadedState<TState> start, bool known, Func<TState, IEvent, TState> evolve, Func<TState, object, TState> evolveDecided)
        {
            StreamId = streamId;
            _start = start;
            Known = known;
            _evolve = evolve;
            _evolveDecided = evolveDecided;
        }

        public string StreamId { get; }

        public bool Known { get; }

        public LoadedState<TState> Value => _value ?? throw new InvalidOperationException("The batch has not been loaded.");

        /// <summary>The state this load started from (the cached one, when it was trusted).</summary>
        internal LoadedState<TState> Initial => _start;

        long IPendingLoad.StartVersion => _start.Version;

        void IPendingLoad.Start() => _value = _start;

        /// <summary>The state after <paramref name="decided"/> were appended to the state this load produced.</summary>
        internal LoadedState<TState> After(IReadOnlyList<object> decided)
        {
            var state = Value.State;
            foreach (var e in decided)
                state = _evolveDecided(state, e);
            return new LoadedState<TState>(state, Value.Version + decided.Count);
        }

        Task<IReadOnlyList<IEvent>> IPendingLoad.Queue(IBatchedQuery batch) => batch.Events.FetchStream(StreamId, 0, null, _start.Version + 1);

        void IPendingLoad.Fold(IReadOnlyList<IEvent> events, StateCache? cache)
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

        void IPendingLoad.Evict(StateCache cache) => cache.Evict<TState>(StreamId, _start.Version);
    }
}
