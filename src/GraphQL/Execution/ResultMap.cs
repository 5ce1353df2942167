namespace TaskForge.GraphQL.Execution;

/// <summary>
/// An object in the response: response keys in selection order. Written by index so that fields
/// resolved concurrently never race on a shared structure.
/// </summary>
public sealed class ResultMap : IReadOnlyDictionary<string, object?>
{
    private readonly CollectedField[] _fields;
    private readonly object?[] _values;

    internal ResultMap(CollectedField[] fields)
    {
        _fields = fields;
        _values = new object?[fields.Length];
    }

    public int Count => _fields.Length;

    public IEnumerable<string> Keys => _fields.Select(f => f.ResponseKey);

    public IEnumerable<object?> Values => _values;

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public string KeyAt(int index) => _fields[index].ResponseKey;

    public object? ValueAt(int index) => _values[index];

    internal System.Text.Json.JsonEncodedText EncodedKeyAt(int index) => _fields[index].EncodedKey;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, out object? value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            yield return new KeyValuePair<string, object?>(_fields[i].ResponseKey, _values[i]);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Set(int index, object? value) => _values[index] = value;

    private int IndexOf(string key)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_fields[i].ResponseKey == key)
            {
                return i;
            }
        }

        return -1;
    }
}
