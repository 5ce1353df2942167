using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Protection;

/// <summary>Checks a prepared operation against the engine's limits; each violation is a GraphQL error with a code.</summary>
internal static class OperationGuard
{
    public static List<GraphQLError>? Check(
        Schema schema, PreparedOperation operation, IReadOnlyDictionary<string, object?> variables, GraphQLEngineOptions options)
    {
        var shape = operation.Shape ??= new ShapeAnalyzer(operation.Fragments).Measure(operation.Definition);
        var location = operation.Document.GetLocation(operation.Definition.Start);
        List<GraphQLError>? errors = null;
        if (options.MaxDepth is { } maxDepth && shape.Depth > maxDepth)
        {
            Add(ref errors, $"The operation has depth {shape.Depth}, more than the maximum depth of {maxDepth}.", ErrorCodes.MaxDepthExceeded, location);
        }

        if (options.MaxAliases is { } maxAliases && shape.Aliases > maxAliases)
        {
            Add(ref errors, $"The operation uses {shape.Aliases} aliases, more than the maximum of {maxAliases}.", ErrorCodes.MaxAliasesExceeded, location);
        }

        if (options.MaxRootFields is { } maxRootFields && shape.RootFields > maxRootFields)
        {
            Add(ref errors, $"The operation selects {shape.RootFields} root fields, more than the maximum of {maxRootFields}.", ErrorCodes.MaxRootFieldsExceeded, location);
        }

        if (errors is null && options.MaxCost is { } maxCost)
        {
            var cost = new CostAnalyzer(schema, operation.Fragments, variables, options).Measure(operation.Definition);
            if (cost > maxCost)
            {
                Add(ref errors, $"The operation has an estimated cost of {cost}, more than the maximum cost of {maxCost}.", ErrorCodes.MaxCostExceeded, location);
            }
        }

        return errors;
    }

    public static bool UsesIntrospection(PreparedOperation operation)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        return Uses(operation.Definition.SelectionSet, operation.Fragments, visited);
    }

    private static bool Uses(SelectionSetNode selectionSet, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            var found = selection switch
            {
                FieldNode field => field.Name.Value is "__schema" or "__type",
                InlineFragmentNode inline => Uses(inline.SelectionSet, fragments, visited),
                FragmentSpreadNode spread => visited.Add(spread.Name.Value) && fragments.TryGetValue(spread.Name.Value, out var fragment)
                    && Uses(fragment.SelectionSet, fragments, visited),
                _ => false,
            };
            if (found)
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(ref List<GraphQLError>? errors, string message, string code, SourceLocation location) =>
        (errors ??= []).Add(GraphQLError.WithCode(message, code, [location]));
}
