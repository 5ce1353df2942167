namespace TaskForge.GraphQL.Types;

/// <summary>An enum; each value has an internal CLR value (its name unless bound otherwise).</summary>
public sealed class EnumType(string name, string? description = null) : NamedType(name, description)
{
    private Dictionary<string, EnumValueDefinition> _byName = [];
    private Dictionary<object, EnumValueDefinition> _byValue = [];
    private IReadOnlyList<EnumValueDefinition> _values = [];

    public override TypeKind Kind => TypeKind.Enum;

    public IReadOnlyList<EnumValueDefinition> Values
    {
        get => _values;
        internal set
        {
            _values = value;
            _byName = new Dictionary<string, EnumValueDefinition>(StringComparer.Ordinal);
            _byValue = [];
            foreach (var item in value)
            {
                _byName.TryAdd(item.Name, item);
                if (item.Value is not null)
                {
                    _byValue.TryAdd(item.Value, item);
                }
            }
        }
    }

    internal void Reindex() => Values = _values;

    public EnumValueDefinition? GetValue(string valueName) => _byName.GetValueOrDefault(valueName);

    /// <summary>Finds the value whose internal value equals <paramref name="internalValue"/>.</summary>
    public EnumValueDefinition? FindByInternalValue(object internalValue)
    {
        if (_byValue.TryGetValue(internalValue, out var definition))
        {
            return definition;
        }

        return internalValue is Enum member ? _byName.GetValueOrDefault(member.ToString()) : null;
    }
}

public sealed class EnumValueDefinition(string name, object? value, string? description = null)
{
    public string Name { get; } = name;

    public string? Description { get; internal set; } = description;

    public object? Value { get; internal set; } = value;

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public Language.EnumValueDefinitionNode? AstNode { get; internal set; }
}
