using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>The spec's CoerceArgumentValues; failures throw <see cref="GraphQLException"/> (a field error).</summary>
internal static class ArgumentCoercion
{
    public static IReadOnlyDictionary<string, object?> Coerce(
        IReadOnlyList<InputValueDefinition> definitions,
        IReadOnlyList<ArgumentNode> nodes,
        IReadOnlyDictionary<string, object?>? variables)
    {
        var result = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var node = Find(nodes, definition.Name);
            if (node is null)
            {
                if (definition.HasDefaultValue)
                {
                    result[definition.Name] = definition.DefaultValue;
                }
                else if (definition.Type is NonNullType)
                {
                    throw new GraphQLException($"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was not provided.");
                }

                continue;
            }

            var valueNode = node.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode variable)
            {
                var variableName = variable.Name.Value;
                if (variables is null || !variables.TryGetValue(variableName, out var variableValue))
                {
                    if (definition.HasDefaultValue)
                    {
                        result[definition.Name] = definition.DefaultValue;
                    }
                    else if (definition.Type is NonNullType)
                    {
                        throw new GraphQLException(
                            $"Argument \"{definition.Name}\" of required type \"{definition.Type}\" was provided the variable \"${variableName}\" which was not provided a runtime value.")
                        {
                            Node = valueNode,
                        };
                    }

                    continue;
                }

                isNull = variableValue is null;
            }

            if (isNull && definition.Type is NonNullType)
            {
                throw new GraphQLException($"Argument \"{definition.Name}\" of non-null type \"{definition.Type}\" must not be null.") { Node = valueNode };
            }

            if (!LiteralCoercion.TryCoerce(valueNode, definition.Type, variables, out var coerced))
            {
                throw new GraphQLException($"Argument \"{definition.Name}\" has invalid value {AstPrinter.Print(valueNode)}.") { Node = valueNode };
            }

            result[definition.Name] = coerced;
        }

        return result;
    }

    public static bool UsesVariables(IReadOnlyList<ArgumentNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (UsesVariables(node.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool UsesVariables(ValueNode value) => value switch
    {
        VariableNode => true,
        ListValueNode list => list.Values.Any(UsesVariables),
        ObjectValueNode obj => obj.Fields.Any(f => UsesVariables(f.Value)),
        _ => false,
    };

    private static ArgumentNode? Find(IReadOnlyList<ArgumentNode> nodes, string name)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Name.Value == name)
            {
                return nodes[i];
            }
        }

        return null;
    }
}
