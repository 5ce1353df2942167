namespace TaskForge.GraphQL.DataLoader;

/// <summary>
/// A per-request loader: each key is loaded at most once (cache), and keys asked for while the
/// executor works on one level are loaded together in one call of the batch function.
/// </summary>
public sealed class BatchDataLoader<TKey, TValue> : IBatchDispatcher
    where TKey : notnull
{
    private readonly DataLoaderRegistry _registry;
    private readonly BatchLoadFunction<TKey, TValue> _batch;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<TKey, Task<TValue?>> _cache = [];
    private readonly object _gate = new();
    private List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> _queue = [];
    private int _batchCount;

    internal BatchDataLoader(DataLoaderRegistry registry, BatchLoadFunction<TKey, TValue> batch, CancellationToken cancellationToken)
    {
        _registry = registry;
        _batch = batch;
        _cancellationToken = cancellationToken;
    }

    /// <summary>How many times the batch function has been called.</summary>
    public int BatchCount => Volatile.Read(ref _batchCount);

    public Task<TValue?> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue?> promise;
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out var cached))
            {
                return cached;
            }

            promise = new TaskCompletionSource<TValue?>();
            _cache.Add(key, promise.Task);
            _queue.Add(new(key, promise));
        }

        _registry.OnKeyQueued();
        return promise.Task;
    }

    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys)
    {
        var tasks = keys.Select(LoadAsync).ToArray();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    bool IBatchDispatcher.HasPending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count > 0;
            }
        }
    }

    void IBatchDispatcher.DispatchPending()
    {
        List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> batch;
        lock (_gate)
        {
            if (_queue.Count == 0)
            {
                return;
            }

            batch = _queue;
            _queue = [];
        }

        Interlocked.Increment(ref _batchCount);
        _ = RunBatchAsync(batch);
    }

    private async Task RunBatchAsync(List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> batch)
    {
        var keys = new TKey[batch.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = batch[i].Key;
        }

        IReadOnlyDictionary<TKey, TValue>? results = null;
        Exception? failure = null;
        try
        {
            results = await _batch(keys, _cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // Completing the promises runs the waiting resolvers inline; the scope makes the keys
        // they queue go out as the next single batch.
        using var scope = _registry.EnterScope();
        foreach (var (key, promise) in batch)
        {
            if (failure is not null)
            {
                promise.TrySetException(failure);
            }
            else
            {
                promise.TrySetResult(results!.TryGetValue(key, out var value) ? value : default);
            }
        }
    }
}
