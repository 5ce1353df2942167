using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// The streams one command folds (its target and its context), read from Marten in one round trip (a batch query):
/// each from its cached state's version on, folded with its own aggregate's Evolve.
/// </summary>
public sealed class StreamBatch
{
    private readonly IQuerySession _session;
    private readonly StateCache? _cache;
    private readonly List<IPendingLoad> _loads = [];

    internal StreamBatch(IQuerySession session, StateCache? cache)
    {
        _session = session;
        _cache = cache;
    }

    /// <summary>Adds a stream; its state is in the returned load's <see cref="PendingLoad{TState}.Value"/> after <see cref="LoadAsync"/>.</summary>
    public PendingLoad<TState> Add<TState, TEvent>(string streamId, TState initial, Func<TState, TEvent, TState> evolve)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(evolve);
        var start = _cache?.Get<TState>(streamId) ?? new LoadedState<TState>(initial, 0);
        var load = new PendingLoad<TState>(streamId, start, (state, stored) => stored.Data is TEvent @event
            ? evolve(state, @event)
            : throw new InvalidDataException($"Stream '{streamId}' holds event {stored.Id} of type {stored.EventTypeName}, which is not a {typeof(TEvent).Name}."));
        _loads.Add(load);
        return load;
    }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var batch = _session.CreateBatchQuery();
        var reads = _loads.Select(l => l.Queue(batch)).ToList();
        await batch.Execute(cancellationToken);
        for (var i = 0; i < _loads.Count; i++)
        {
            _loads[i].Fold(await reads[i], _cache);
        }
    }

    private interface IPendingLoad
    {
        Task<IReadOnlyList<IEvent>> Queue(IBatchedQuery batch);

        void Fold(IReadOnlyList<IEvent> events, StateCache? cache);
    }

    /// <summary>One stream of a batch.</summary>
    public sealed class PendingLoad<TState> : IPendingLoad
    {
        private readonly LoadedState<TState> _start;
        private readonly Func<TState, IEvent, TState> _evolve;
        private LoadedState<TState>? _value;

        internal PendingLoad(string streamId, LoadedState<TState> start, Func<TState, IEvent, TState> evolve)
        {
            StreamId = streamId;
            _start = start;
            _evolve = evolve;
        }

        public string StreamId { get; }

        public LoadedState<TState> Value => _value ?? throw new InvalidOperationException("The batch has not been loaded.");

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
    }
}
