using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>Creates named types from type definitions and extensions (the SDL half of schema building).</summary>
internal sealed partial class SdlTypeFactory
{
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeDefinitionNode>> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);
    private readonly List<string> _errors;

    public SdlTypeFactory(List<string> errors) => _errors = errors;

    /// <summary>Types in definition order (built-in scalars redefined in SDL map to the shared instances).</summary>
    public List<NamedType> DefinedTypes { get; } = [];

    /// <summary>Directives in graphql-js order: those the SDL defines, then the specified ones.</summary>
    public List<DirectiveDefinition> Directives { get; } = [];

    public IReadOnlyDictionary<string, NamedType> TypesByName => _types;

    public void Build(IReadOnlyList<DefinitionNode> definitions)
    {
        foreach (var definition in definitions)
        {
            if (definition is TypeDefinitionNode { IsExtension: false } typeDefinition)
            {
                DeclareType(typeDefinition);
            }
            else if (definition is DirectiveDefinitionNode directive)
            {
                DeclareDirective(directive);
            }
        }

        foreach (var definition in definitions)
        {
            if (definition is TypeDefinitionNode { IsExtension: true } extension)
            {
                if (_definitions.TryGetValue(extension.Name.Value, out var list) && list[0].GetType() == extension.GetType())
                {
                    list.Add(extension);
                }
                else
                {
                    _errors.Add(_definitions.ContainsKey(extension.Name.Value)
                        ? $"Cannot extend type \"{extension.Name.Value}\" with a different kind of extension."
                        : $"Cannot extend type \"{extension.Name.Value}\" because it is not defined.");
                }
            }
        }

        foreach (var directive in Directives)
        {
            directive.Arguments = BuildInputValues(directive.AstNode!.Arguments);
        }

        MapBuiltInDirectives();
        foreach (var type in DefinedTypes)
        {
            if (type is ScalarType { IsSpecified: true })
            {
                _definitions.Remove(type.Name);
            }
        }

        foreach (var (name, nodes) in _definitions)
        {
            Complete(_types[name], nodes);
        }
    }

    public GraphQLType? ResolveTypeReference(TypeNode node) => node switch
    {
        NonNullTypeNode nonNull => ResolveTypeReference(nonNull.Type) is { } inner ? new NonNullType(inner) : null,
        ListTypeNode list => ResolveTypeReference(list.Type) is { } inner ? new ListType(inner) : null,
        NamedTypeNode named => LookupType(named.Name.Value),
        _ => null,
    };

    public NamedType? LookupType(string name) =>
        _types.TryGetValue(name, out var type) ? type : (NamedType?)BuiltInTypes.GetScalar(name) ?? ExternalType(name);

    private static NamedType? ExternalType(string name) =>
        name.StartsWith("__", StringComparison.Ordinal) ? Introspection.IntrospectionTypes.Find(name) : null;

    private void DeclareType(TypeDefinitionNode node)
    {
        var name = node.Name.Value;
        if (_definitions.ContainsKey(name))
        {
            _errors.Add($"There can be only one type named \"{name}\".");
            return;
        }

        var description = node.Description?.Value;
        NamedType type = node switch
        {
            ScalarTypeDefinitionNode => BuiltInTypes.GetScalar(name) ?? new ScalarType(name, StandardScalars.PassThrough, description),
            ObjectTypeDefinitionNode => new ObjectType(name, description),
            InterfaceTypeDefinitionNode => new InterfaceType(name, description),
            UnionTypeDefinitionNode => new UnionType(name, description),
            EnumTypeDefinitionNode => new EnumType(name, description),
            _ => new InputObjectType(name, description),
        };
        _types[name] = type;
        _definitions[name] = [node];
        DefinedTypes.Add(type);
    }

    private void DeclareDirective(DirectiveDefinitionNode node)
    {
        var name = node.Name.Value;
        if (_directives.ContainsKey(name))
        {
            _errors.Add($"There can be only one directive named \"@{name}\".");
            return;
        }

        var locations = new List<DirectiveLocation>();
        foreach (var location in node.Locations)
        {
            if (DirectiveLocationNames.TryParse(location.Value, out var parsed))
            {
                locations.Add(parsed);
            }
        }

        var directive = new DirectiveDefinition(name, node.Description?.Value)
        {
            IsRepeatable = node.Repeatable,
            Locations = locations,
            AstNode = node,
        };
        _directives[name] = directive;
        Directives.Add(directive);
    }

    private GraphQLType RequireType(TypeNode node, string context)
    {
        var type = ResolveTypeReference(node);
        if (type is null)
        {
            _errors.Add($"Unknown type \"{AstPrinter.Print(node).TrimEnd('!', ']').TrimStart('[')}\" referenced by {context}.");
            return BuiltInTypes.String;
        }

        return type;
    }
}
