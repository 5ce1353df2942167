namespace TaskForge.GraphQL;

/// <summary>A bounded least-recently-used map from query text to its parsed and validated document.</summary>
internal sealed class DocumentCache<TValue>(int capacity)
    where TValue : class
{
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, TValue>>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<KeyValuePair<string, TValue>> _order = new();
    private readonly object _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    public TValue GetOrAdd(string key, Func<string, TValue> create)
    {
        if (capacity <= 0)
        {
            return create(key);
        }

        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Value;
            }
        }

        var value = create(key);
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                return existing.Value.Value;
            }

            _map[key] = _order.AddFirst(new KeyValuePair<string, TValue>(key, value));
            while (_map.Count > capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }

        return value;
    }
}
