using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>The spec's ValueFromAST: a literal (possibly with variables) to an internal value of an input type.</summary>
internal static class LiteralCoercion
{
    /// <summary>False when the literal is not a valid value of the type (or refers to a missing required variable).</summary>
    public static bool TryCoerce(ValueNode node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out value))
            {
                return false;
            }

            return value is not null || type is not NonNullType;
        }

        if (type is NonNullType nonNull)
        {
            return node is not NullValueNode && TryCoerce(node, nonNull.OfType, variables, out value);
        }

        if (node is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                return TryCoerceList(node, list.OfType, variables, out value);
            case InputObjectType input:
                return TryCoerceObject(node, input, variables, out value);
            case EnumType enumType:
                if (node is EnumValueNode enumValue && enumType.GetValue(enumValue.Value) is { } definition)
                {
                    value = definition.Value;
                    return true;
                }

                return false;
            case ScalarType scalar:
                try
                {
                    value = scalar.Coercion.ParseLiteral(node, variables);
                    return true;
                }
                catch (ScalarCoercionException)
                {
                    return false;
                }
                catch (GraphQLException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    private static bool TryCoerceList(ValueNode node, GraphQLType itemType, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is not ListValueNode list)
        {
            if (!TryCoerce(node, itemType, variables, out var single))
            {
                return false;
            }

            value = new List<object?> { single };
            return true;
        }

        var items = new List<object?>(list.Values.Count);
        foreach (var itemNode in list.Values)
        {
            if (IsMissingVariable(itemNode, variables))
            {
                if (itemType is NonNullType)
                {
                    return false;
                }

                items.Add(null);
                continue;
            }

            if (!TryCoerce(itemNode, itemType, variables, out var item))
            {
                return false;
            }

            items.Add(item);
        }

        value = items;
        return true;
    }

    private static bool TryCoerceObject(ValueNode node, InputObjectType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (node is not ObjectValueNode obj)
        {
            return false;
        }

        var fieldNodes = new Dictionary<string, ValueNode>(StringComparer.Ordinal);
        foreach (var field in obj.Fields)
        {
            if (type.GetField(field.Name.Value) is null)
            {
                return false;
            }

            fieldNodes[field.Name.Value] = field.Value;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!fieldNodes.TryGetValue(field.Name, out var fieldNode) || IsMissingVariable(fieldNode, variables))
            {
                if (field.HasDefaultValue)
                {
                    result[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    return false;
                }

                continue;
            }

            if (!TryCoerce(fieldNode, field.Type, variables, out var fieldValue))
            {
                return false;
            }

            result[field.Name] = fieldValue;
        }

        if (type.IsOneOf && (result.Count != 1 || result.Values.First() is null))
        {
            return false;
        }

        value = result;
        return true;
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode variable && (variables is null || !variables.ContainsKey(variable.Name.Value));
}
