using System.Globalization;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Protection;

/// <summary>
/// Estimates the cost of an operation: each field costs its weight (explicit, or the default for composite
/// fields, 0 for leaves) plus the cost of its selection multiplied by the expected list size (the
/// <c>first</c>/<c>last</c> argument, else the default list size). Introspection fields are free.
/// </summary>
internal sealed class CostAnalyzer(
    Schema schema,
    IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
    IReadOnlyDictionary<string, object?> variables,
    GraphQLEngineOptions options)
{
    private const long Ceiling = int.MaxValue;
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    public long Measure(OperationDefinitionNode operation) =>
        schema.GetRootType(operation.Operation) is { } root ? SelectionCost(operation.SelectionSet, root) : 0;

    private long SelectionCost(SelectionSetNode selectionSet, NamedType parentType)
    {
        long total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            total += selection switch
            {
                FieldNode field => FieldCost(field, parentType),
                InlineFragmentNode inline => SelectionCost(inline.SelectionSet, TypeCondition(inline.TypeCondition, parentType)),
                FragmentSpreadNode spread => SpreadCost(spread, parentType),
                _ => 0,
            };
            if (total >= Ceiling)
            {
                return Ceiling;
            }
        }

        return total;
    }

    private long SpreadCost(FragmentSpreadNode spread, NamedType parentType)
    {
        var name = spread.Name.Value;
        if (!fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
        {
            return 0;
        }

        var cost = SelectionCost(fragment.SelectionSet, TypeCondition(fragment.TypeCondition, parentType));
        _inProgress.Remove(name);
        return cost;
    }

    private NamedType TypeCondition(NamedTypeNode? condition, NamedType parentType) =>
        condition is not null && schema.GetType(condition.Name.Value) is { } type ? type : parentType;

    private long FieldCost(FieldNode field, NamedType parentType)
    {
        if (field.Name.Value.StartsWith("__", StringComparison.Ordinal))
        {
            return 0;
        }

        var definition = schema.GetField(parentType, field.Name.Value);
        if (definition is null)
        {
            return 0;
        }

        var namedType = definition.Type.NamedType;
        long weight = definition.Cost ?? (namedType is ScalarType or EnumType ? 0 : options.DefaultFieldCost);
        if (field.SelectionSet is null)
        {
            return weight;
        }

        var childCost = SelectionCost(field.SelectionSet, namedType);
        var size = IsList(definition.Type) ? ListSize(field) : 1;
        return Math.Min(Ceiling, weight + (childCost * size));
    }

    private static bool IsList(GraphQLType type) => type.Nullable is ListType;

    private long ListSize(FieldNode field)
    {
        foreach (var argument in field.Arguments)
        {
            if (argument.Name.Value is "first" or "last")
            {
                var value = argument.Value switch
                {
                    IntValueNode literal => long.Parse(literal.Value, CultureInfo.InvariantCulture),
                    VariableNode variable when variables.TryGetValue(variable.Name.Value, out var v) && v is int or long
                        => Convert.ToInt64(v, CultureInfo.InvariantCulture),
                    _ => -1,
                };
                if (value >= 0)
                {
                    return value;
                }
            }
        }

        return options.DefaultListSize;
    }
}
