using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution;

/// <summary>The spec's CollectFields: merges fields by response key, applies @skip/@include and fragment type conditions.</summary>
internal static class FieldCollector
{
    private static readonly Func<ExecutionState, ObjectType, SelectionSetNode, CollectedField[]> CollectOne =
        static (state, type, selectionSet) => Collect(state, type, [selectionSet]);

    public static CollectedField[] CollectRoot(ExecutionState state, ObjectType type, SelectionSetNode selectionSet) =>
        state.Plans.GetOrAdd(state, type, selectionSet, CollectOne);

    public static CollectedField[] CollectSubfields(ExecutionState state, ObjectType type, List<FieldNode> fieldNodes)
    {
        if (fieldNodes.Count == 1)
        {
            return state.Plans.GetOrAdd(state, type, fieldNodes[0].SelectionSet!, CollectOne);
        }

        var sets = new List<SelectionSetNode>(fieldNodes.Count);
        foreach (var node in fieldNodes)
        {
            if (node.SelectionSet is { } set)
            {
                sets.Add(set);
            }
        }

        return Collect(state, type, sets);
    }

    private static CollectedField[] Collect(ExecutionState state, ObjectType type, List<SelectionSetNode> selectionSets)
    {
        var order = new List<string>();
        var byKey = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        HashSet<string>? visitedFragments = null;
        foreach (var selectionSet in selectionSets)
        {
            CollectInto(state, type, selectionSet, order, byKey, ref visitedFragments);
        }

        var result = new CollectedField[order.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var nodes = byKey[order[i]];
            result[i] = new CollectedField(order[i], type, state.Schema.GetField(type, nodes[0].Name.Value), nodes);
        }

        return result;
    }

    private static void CollectInto(
        ExecutionState state,
        ObjectType type,
        SelectionSetNode selectionSet,
        List<string> order,
        Dictionary<string, List<FieldNode>> byKey,
        ref HashSet<string>? visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (selection.Directives.Count > 0 && !DirectiveValues.ShouldInclude(selection.Directives, state.Variables))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (!byKey.TryGetValue(key, out var list))
                    {
                        byKey[key] = list = [];
                        order.Add(key);
                    }

                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Applies(state.Schema, inline.TypeCondition, type))
                    {
                        CollectInto(state, type, inline.SelectionSet, order, byKey, ref visitedFragments);
                    }

                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!visitedFragments.Add(name) || !state.Fragments.TryGetValue(name, out var fragment))
                    {
                        continue;
                    }

                    if (Applies(state.Schema, fragment.TypeCondition, type))
                    {
                        CollectInto(state, type, fragment.SelectionSet, order, byKey, ref visitedFragments);
                    }

                    break;
            }
        }
    }

    private static bool Applies(Schema schema, NamedTypeNode condition, ObjectType type)
    {
        var conditionType = schema.GetType(condition.Name.Value);
        return ReferenceEquals(conditionType, type)
            || (conditionType is InterfaceType or UnionType && schema.IsSubType(conditionType, type));
    }
}
