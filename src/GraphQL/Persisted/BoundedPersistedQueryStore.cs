namespace TaskForge.GraphQL.Persisted;

/// <summary>
/// An in-memory <see cref="IPersistedQueryStore"/> that keeps the most recently used <c>capacity</c> operations
/// and at most <c>maxTotalChars</c> characters of text; older ones are evicted and their clients resend them.
/// </summary>
public sealed class BoundedPersistedQueryStore : IPersistedQueryStore
{
    private readonly Dictionary<string, LinkedListNode<(string Hash, string Query)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Hash, string Query)> _order = new();
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly long _maxTotalChars;
    private long _totalChars;

    public BoundedPersistedQueryStore(int capacity = 1000, long maxTotalChars = 16 * 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTotalChars);
        _capacity = capacity;
        _maxTotalChars = maxTotalChars;
    }

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

    public bool TryGet(string sha256Hash, out string query)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(sha256Hash, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                query = node.Value.Query;
                return true;
            }
        }

        query = string.Empty;
        return false;
    }

    public void Set(string sha256Hash, string query)
    {
        if (query.Length > _maxTotalChars)
        {
            return;
        }

        lock (_gate)
        {
            if (_map.ContainsKey(sha256Hash))
            {
                return;
            }

            _map[sha256Hash] = _order.AddFirst((sha256Hash, query));
            _totalChars += query.Length;
            while (_map.Count > _capacity || _totalChars > _maxTotalChars)
            {
                var last = _order.Last!.Value;
                _order.RemoveLast();
                _map.Remove(last.Hash);
                _totalChars -= last.Query.Length;
            }
        }
    }
}
