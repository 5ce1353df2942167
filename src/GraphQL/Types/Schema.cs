using TaskForge.GraphQL.Introspection;

namespace TaskForge.GraphQL.Types;

/// <summary>A validated schema: root types, every named type (in graphql-js order) and directives.</summary>
public sealed partial class Schema
{
    private readonly Dictionary<string, NamedType> _typeMap;
    private readonly Dictionary<string, DirectiveDefinition> _directiveMap;
    private readonly Dictionary<NamedType, List<ObjectType>> _possibleTypes = [];
    private readonly Dictionary<InterfaceType, List<InterfaceType>> _interfaceImplementations = [];

    internal Schema(
        ObjectType? query,
        ObjectType? mutation,
        ObjectType? subscription,
        IReadOnlyList<NamedType> types,
        IReadOnlyList<DirectiveDefinition> directives,
        string? description)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Directives = directives;
        Description = description;
        Types = TypeCollector.Collect(types, [query, mutation, subscription], directives);
        _typeMap = new Dictionary<string, NamedType>(StringComparer.Ordinal);
        foreach (var type in Types)
        {
            _typeMap.TryAdd(type.Name, type);
        }

        _directiveMap = new Dictionary<string, DirectiveDefinition>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            _directiveMap.TryAdd(directive.Name, directive);
        }

        IndexPossibleTypes();
        TypeNameField = new FieldDefinition("__typename", new NonNullType(BuiltInTypes.String), "The name of the current Object type at runtime.");
        SchemaField = IntrospectionTypes.CreateSchemaField(this);
        TypeField = IntrospectionTypes.CreateTypeField(this);
    }

    public string? Description { get; }

    public ObjectType? Query { get; }

    public ObjectType? Mutation { get; }

    public ObjectType? Subscription { get; }

    /// <summary>Every named type, in the order graphql-js's GraphQLSchema collects them.</summary>
    public IReadOnlyList<NamedType> Types { get; }

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    internal FieldDefinition TypeNameField { get; }

    internal FieldDefinition SchemaField { get; }

    internal FieldDefinition TypeField { get; }

    public NamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directiveMap.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationKind kind) => kind switch
    {
        OperationKind.Query => Query,
        OperationKind.Mutation => Mutation,
        _ => Subscription,
    };

    /// <summary>The object types a value of an abstract type may have.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) =>
        abstractType switch
        {
            UnionType union => union.Types,
            InterfaceType => _possibleTypes.TryGetValue(abstractType, out var list) ? list : [],
            ObjectType obj => [obj],
            _ => [],
        };

    /// <summary>Interfaces that implement the given interface.</summary>
    public IReadOnlyList<InterfaceType> GetInterfaceImplementations(InterfaceType type) =>
        _interfaceImplementations.TryGetValue(type, out var list) ? list : [];

    /// <summary>True when <paramref name="maybeSubType"/> is a member or implementation of <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) => abstractType switch
    {
        UnionType union => maybeSubType is ObjectType o && union.Types.Contains(o),
        InterfaceType iface => (maybeSubType is ObjectType obj && GetPossibleTypes(iface).Contains(obj))
            || (maybeSubType is InterfaceType other && GetInterfaceImplementations(iface).Contains(other)),
        _ => false,
    };

    /// <summary>Finds a field on a composite type, including the meta-fields __typename, __schema and __type.</summary>
    public FieldDefinition? GetField(NamedType parentType, string name)
    {
        if (name.Length > 2 && name[0] == '_' && name[1] == '_')
        {
            if (name == "__typename" && parentType is ObjectType or InterfaceType or UnionType)
            {
                return TypeNameField;
            }

            if (ReferenceEquals(parentType, Query))
            {
                if (name == "__schema")
                {
                    return SchemaField;
                }

                if (name == "__type")
                {
                    return TypeField;
                }
            }
        }

        return parentType is IFieldsContainer container ? container.Fields[name] : null;
    }

    private void IndexPossibleTypes()
    {
        foreach (var type in Types)
        {
            if (type is ObjectType obj)
            {
                foreach (var iface in obj.Interfaces)
                {
                    if (!_possibleTypes.TryGetValue(iface, out var list))
                    {
                        _possibleTypes[iface] = list = [];
                    }

                    if (!list.Contains(obj))
                    {
                        list.Add(obj);
                    }
                }
            }
            else if (type is InterfaceType implementing)
            {
                foreach (var iface in implementing.Interfaces)
                {
                    if (!_interfaceImplementations.TryGetValue(iface, out var list))
                    {
                        _interfaceImplementations[iface] = list = [];
                    }

                    if (!list.Contains(implementing))
                    {
                        list.Add(implementing);
                    }
                }
            }
        }
    }
}
