using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

internal sealed partial class SdlTypeFactory
{
    private void Complete(NamedType type, List<TypeDefinitionNode> nodes)
    {
        type.AstNodes = nodes;
        switch (type)
        {
            case ScalarType scalar when !scalar.IsSpecified:
                scalar.SpecifiedByUrl = nodes.SelectMany(n => n.Directives).Where(d => d.Name.Value == "specifiedBy")
                    .Select(d => ArgumentString(d, "url")).FirstOrDefault(url => url is not null);
                break;
            case ObjectType obj:
                obj.Interfaces = BuildInterfaces(nodes, obj.Name);
                obj.Fields = new FieldMap(nodes.SelectMany(FieldNodesOf).Select(f => BuildField(f, obj.Name)));
                break;
            case InterfaceType iface:
                iface.Interfaces = BuildInterfaces(nodes, iface.Name);
                iface.Fields = new FieldMap(nodes.SelectMany(FieldNodesOf).Select(f => BuildField(f, iface.Name)));
                break;
            case UnionType union:
                union.Types = BuildUnionMembers(nodes, union.Name);
                break;
            case EnumType enumType:
                enumType.Values = nodes.OfType<EnumTypeDefinitionNode>().SelectMany(n => n.Values)
                    .Select(v => new EnumValueDefinition(v.Name.Value, v.Name.Value, v.Description?.Value)
                    {
                        DeprecationReason = DeprecationReason(v.Directives),
                        AstNode = v,
                    }).ToList();
                break;
            case InputObjectType input:
                input.Fields = BuildInputValues(nodes.OfType<InputObjectTypeDefinitionNode>().SelectMany(n => n.Fields).ToList());
                input.IsOneOf = nodes.SelectMany(n => n.Directives).Any(d => d.Name.Value == "oneOf");
                break;
        }
    }

    private static IEnumerable<FieldDefinitionNode> FieldNodesOf(TypeDefinitionNode node) => node switch
    {
        ObjectTypeDefinitionNode o => o.Fields,
        InterfaceTypeDefinitionNode i => i.Fields,
        _ => [],
    };

    private List<InterfaceType> BuildInterfaces(List<TypeDefinitionNode> nodes, string typeName)
    {
        var result = new List<InterfaceType>();
        foreach (var reference in nodes.SelectMany(n => n switch
                 {
                     ObjectTypeDefinitionNode o => o.Interfaces,
                     InterfaceTypeDefinitionNode i => i.Interfaces,
                     _ => [],
                 }))
        {
            switch (LookupType(reference.Name.Value))
            {
                case InterfaceType iface:
                    result.Add(iface);
                    break;
                case null:
                    _errors.Add($"Unknown type \"{reference.Name.Value}\" referenced by {typeName}.");
                    break;
                default:
                    _errors.Add($"Type {typeName} must only implement Interface types, it cannot implement {reference.Name.Value}.");
                    break;
            }
        }

        return result;
    }

    private List<ObjectType> BuildUnionMembers(List<TypeDefinitionNode> nodes, string unionName)
    {
        var result = new List<ObjectType>();
        foreach (var reference in nodes.OfType<UnionTypeDefinitionNode>().SelectMany(n => n.Types))
        {
            switch (LookupType(reference.Name.Value))
            {
                case ObjectType obj:
                    result.Add(obj);
                    break;
                case null:
                    _errors.Add($"Unknown type \"{reference.Name.Value}\" referenced by {unionName}.");
                    break;
                default:
                    _errors.Add($"Union type {unionName} can only include Object types, it cannot include {reference.Name.Value}.");
                    break;
            }
        }

        return result;
    }

    private FieldDefinition BuildField(FieldDefinitionNode node, string typeName) =>
        new(node.Name.Value, RequireType(node.Type, $"{typeName}.{node.Name.Value}"), node.Description?.Value)
        {
            Arguments = BuildInputValues(node.Arguments),
            DeprecationReason = DeprecationReason(node.Directives),
            Cost = node.Directives.Where(d => d.Name.Value == "cost")
                .Select(d => d.Arguments.FirstOrDefault(a => a.Name.Value == "weight")?.Value)
                .OfType<IntValueNode>().Select(v => (int?)int.Parse(v.Value, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(),
            AstNode = node,
        };

    private List<InputValueDefinition> BuildInputValues(IReadOnlyList<InputValueDefinitionNode> nodes) =>
        nodes.Select(node => new InputValueDefinition(node.Name.Value, RequireType(node.Type, node.Name.Value), node.Description?.Value)
        {
            DefaultValueLiteral = node.DefaultValue,
            HasDefaultValue = node.DefaultValue is not null,
            DeprecationReason = DeprecationReason(node.Directives),
            AstNode = node,
        }).ToList();

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value == "deprecated")
            {
                return ArgumentString(directive, "reason") ?? BuiltInTypes.DefaultDeprecationReason;
            }
        }

        return null;
    }

    private static string? ArgumentString(DirectiveNode directive, string argumentName)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value == argumentName && argument.Value is StringValueNode text)
            {
                return text.Value;
            }
        }

        return null;
    }
}
