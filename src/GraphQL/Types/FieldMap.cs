namespace TaskForge.GraphQL.Types;

/// <summary>Fields in definition order with lookup by name.</summary>
public sealed class FieldMap : IReadOnlyList<FieldDefinition>
{
    public static readonly FieldMap Empty = new([]);

    private readonly List<FieldDefinition> _fields;
    private readonly Dictionary<string, FieldDefinition> _byName;

    public FieldMap(IEnumerable<FieldDefinition> fields)
    {
        _fields = [.. fields];
        _byName = new Dictionary<string, FieldDefinition>(_fields.Count, StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            _byName.TryAdd(field.Name, field);
        }
    }

    public int Count => _fields.Count;

    public FieldDefinition this[int index] => _fields[index];

    public FieldDefinition? this[string name] => _byName.GetValueOrDefault(name);

    public bool TryGet(string name, out FieldDefinition field) => _byName.TryGetValue(name, out field!);

    public IEnumerator<FieldDefinition> GetEnumerator() => _fields.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
