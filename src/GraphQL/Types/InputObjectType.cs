namespace TaskForge.GraphQL.Types;

/// <summary>An input object; with <see cref="IsOneOf"/> exactly one field must be given.</summary>
public sealed class InputObjectType(string name, string? description = null) : NamedType(name, description)
{
    private Dictionary<string, InputValueDefinition> _byName = [];
    private IReadOnlyList<InputValueDefinition> _fields = [];

    public override TypeKind Kind => TypeKind.InputObject;

    public IReadOnlyList<InputValueDefinition> Fields
    {
        get => _fields;
        internal set
        {
            _fields = value;
            _byName = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal);
            foreach (var item in value)
            {
                _byName.TryAdd(item.Name, item);
            }
        }
    }

    public bool IsOneOf { get; internal set; }

    public InputValueDefinition? GetField(string fieldName) => _byName.GetValueOrDefault(fieldName);
}
