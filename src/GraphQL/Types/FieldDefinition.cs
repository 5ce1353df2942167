using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>A field of an object or interface type, with its resolver.</summary>
public sealed class FieldDefinition(string name, GraphQLType type, string? description = null)
{
    public string Name { get; } = name;

    public string? Description { get; internal set; } = description;

    public GraphQLType Type { get; internal set; } = type;

    public IReadOnlyList<InputValueDefinition> Arguments { get; internal set; } = [];

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    /// <summary>Bound resolver; null means the default resolver (property or dictionary entry by name).</summary>
    public FieldResolver? Resolver { get; internal set; }

    /// <summary>For subscription root fields: creates the source event stream.</summary>
    public SubscriptionResolver? Subscriber { get; internal set; }

    /// <summary>Cost weight for the cost analysis; null means the default weight.</summary>
    public int? Cost { get; internal set; }

    public FieldDefinitionNode? AstNode { get; internal set; }

    public InputValueDefinition? GetArgument(string argumentName)
    {
        var arguments = Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Name == argumentName)
            {
                return arguments[i];
            }
        }

        return null;
    }
}

/// <summary>An argument, an input field or a directive argument.</summary>
public sealed class InputValueDefinition(string name, GraphQLType type, string? description = null)
{
    public string Name { get; } = name;

    public string? Description { get; internal set; } = description;

    public GraphQLType Type { get; internal set; } = type;

    public bool HasDefaultValue { get; internal set; }

    /// <summary>The default value, coerced to its internal form.</summary>
    public object? DefaultValue { get; internal set; }

    public ValueNode? DefaultValueLiteral { get; internal set; }

    public string? DeprecationReason { get; internal set; }

    public bool IsDeprecated => DeprecationReason is not null;

    public InputValueDefinitionNode? AstNode { get; internal set; }
}
