using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>A directive the schema knows: built-in (@skip, @include, @deprecated, @specifiedBy, @oneOf) or declared in SDL.</summary>
public sealed class DirectiveDefinition(string name, string? description = null)
{
    public string Name { get; } = name;

    public string? Description { get; internal set; } = description;

    public IReadOnlyList<InputValueDefinition> Arguments { get; internal set; } = [];

    public bool IsRepeatable { get; internal set; }

    public IReadOnlyList<DirectiveLocation> Locations { get; internal set; } = [];

    public DirectiveDefinitionNode? AstNode { get; internal set; }

    public bool IsSpecified { get; internal set; }

    public InputValueDefinition? GetArgument(string argumentName)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Name == argumentName)
            {
                return argument;
            }
        }

        return null;
    }
}

public enum DirectiveLocation
{
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,

    /// <summary>graphql-js 16.15 has it (for @deprecated on directive definitions); SDL may name it, nothing applies directives there yet.</summary>
    DirectiveDefinition,
}

public static class DirectiveLocationNames
{
    private static readonly string[] Names =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION",
    ];

    public static string ToSpecName(this DirectiveLocation location) => Names[(int)location];

    public static bool TryParse(string name, out DirectiveLocation location)
    {
        var index = Array.IndexOf(Names, name);
        location = (DirectiveLocation)Math.Max(index, 0);
        return index >= 0;
    }
}
