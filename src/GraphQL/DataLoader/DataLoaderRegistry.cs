namespace TaskForge.GraphQL.DataLoader;

/// <summary>
/// The loaders of one request and the moment they dispatch. The executor and each batch completion run in
/// "scopes"; when the last open scope closes, every loader with queued keys sends its batch. So all keys queued
/// while a level of the result is being built go out together, however deep the level.
/// </summary>
public sealed class DataLoaderRegistry
{
    private readonly object _gate = new();
    private Dictionary<string, IBatchDispatcher>? _loaders;
    private readonly CancellationToken _cancellationToken;
    private int _openScopes;
    private int _loaderCount;
    private int _fallbackScheduled;

    public DataLoaderRegistry(CancellationToken cancellationToken = default)
    {
        _cancellationToken = cancellationToken;
    }

    public BatchDataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(string name, BatchLoadFunction<TKey, TValue> batch)
        where TKey : notnull
    {
        lock (_gate)
        {
            _loaders ??= new Dictionary<string, IBatchDispatcher>(StringComparer.Ordinal);
            if (_loaders.TryGetValue(name, out var existing))
            {
                return existing as BatchDataLoader<TKey, TValue>
                    ?? throw new InvalidOperationException($"Data loader \"{name}\" was registered with other key or value types.");
            }

            var loader = new BatchDataLoader<TKey, TValue>(this, batch, _cancellationToken);
            _loaders.Add(name, loader);
            Interlocked.Increment(ref _loaderCount);
            return loader;
        }
    }

    /// <summary>Marks the start of synchronous work that may queue keys.</summary>
    public Scope EnterScope()
    {
        Interlocked.Increment(ref _openScopes);
        return new Scope(this);
    }

    internal void ExitScope()
    {
        if (Interlocked.Decrement(ref _openScopes) == 0 && AnyPending())
        {
            DispatchPending();
        }
    }

    internal void OnKeyQueued()
    {
        if (Volatile.Read(ref _openScopes) == 0 && Interlocked.Exchange(ref _fallbackScheduled, 1) == 0)
        {
            // Queued from a continuation the executor does not track: dispatch once the current work yields
            // (one scheduled dispatch serves every key queued until it runs).
            _ = Task.Run(
                () =>
                {
                    Volatile.Write(ref _fallbackScheduled, 0);
                    DispatchPending();
                },
                CancellationToken.None);
        }
    }

    /// <summary>Sends every queued batch now.</summary>
    public void DispatchPending()
    {
        if (Volatile.Read(ref _loaderCount) == 0)
        {
            return;
        }

        Interlocked.Increment(ref _openScopes);
        try
        {
            foreach (var loader in Snapshot())
            {
                loader.DispatchPending();
            }
        }
        finally
        {
            ExitScope();
        }
    }

    private bool AnyPending()
    {
        if (Volatile.Read(ref _loaderCount) == 0)
        {
            return false;
        }

        foreach (var loader in Snapshot())
        {
            if (loader.HasPending)
            {
                return true;
            }
        }

        return false;
    }

    private IBatchDispatcher[] Snapshot()
    {
        lock (_gate)
        {
            return _loaders is null ? [] : [.. _loaders.Values];
        }
    }

    /// <summary>Closing the last open scope dispatches queued keys.</summary>
    public readonly struct Scope(DataLoaderRegistry registry) : IDisposable
    {
        public void Dispose() => registry.ExitScope();
    }
}

internal interface IBatchDispatcher
{
    bool HasPending { get; }

    void DispatchPending();
}
