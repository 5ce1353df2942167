namespace TaskForge.GraphQL.Execution.Incremental;

/// <summary>
/// What the client has so far (objects as key sets, lists as item lists): deferred data is cut down to the
/// fields it does not have yet, delivered where they go (the record's path plus a sub-path), and merged in.
/// </summary>
internal sealed class DeliveredTree
{
    private readonly Dictionary<string, object?> _root;

    public DeliveredTree(object? data) => _root = data is null ? [] : (Convert(data) as Dictionary<string, object?> ?? []);

    /// <summary>Whether an object (defer) or a list (stream) is there for a record at <paramref name="path"/>.</summary>
    public bool Has(IReadOnlyList<object> path, bool list)
    {
        var node = Find(path);
        return list ? node is List<object?> : node is Dictionary<string, object?>;
    }

    /// <summary>The new parts of a deferred fragment's data, merged in; each with its sub-path below the record's path.</summary>
    public List<(object Data, List<object> SubPath)> Merge(IReadOnlyList<object> path, ResultMap data)
    {
        var parts = new List<(object, List<object>)>();
        if (Find(path) is Dictionary<string, object?> target)
        {
            Emit(data, target, [], parts);
        }

        return parts;
    }

    public void Append(IReadOnlyList<object> path, IEnumerable<object?> items)
    {
        if (Find(path) is List<object?> list)
        {
            list.AddRange(items.Select(Convert));
        }
    }

    private static void Emit(ResultMap data, Dictionary<string, object?> target, List<object> subPath, List<(object, List<object>)> parts)
    {
        Dictionary<string, object?>? fresh = null;
        var shared = new List<(string Key, object? Value)>();
        foreach (var (key, value) in data)
        {
            if (target.ContainsKey(key))
            {
                shared.Add((key, value));
            }
            else
            {
                (fresh ??= [])[key] = value;
            }
        }

        if (fresh is not null)
        {
            parts.Add((fresh, subPath));
            foreach (var (key, value) in fresh)
            {
                target[key] = Convert(value);
            }
        }

        foreach (var (key, value) in shared)
        {
            switch (value, target[key])
            {
                case (ResultMap map, Dictionary<string, object?> existing):
                    Emit(map, existing, [.. subPath, key], parts);
                    break;
                case (object?[] items, List<object?> existing) when items.Length == existing.Count:
                    for (var i = 0; i < items.Length; i++)
                    {
                        if (items[i] is ResultMap item && existing[i] is Dictionary<string, object?> existingItem)
                        {
                            Emit(item, existingItem, [.. subPath, key, i], parts);
                        }
                    }

                    break;
            }
        }
    }

    private object? Find(IReadOnlyList<object> path)
    {
        object? node = _root;
        foreach (var segment in path)
        {
            node = (node, segment) switch
            {
                (Dictionary<string, object?> map, string key) => map.GetValueOrDefault(key),
                (List<object?> list, int index) when index < list.Count => list[index],
                _ => null,
            };
        }

        return node;
    }

    private static object? Convert(object? value) => value switch
    {
        ResultMap map => map.ToDictionary(p => p.Key, p => Convert(p.Value)),
        object?[] items => items.Select(Convert).ToList(),
        _ => value,
    };
}
