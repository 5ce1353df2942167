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

    /// <summary>Collects the selections of deferred fragments themselves (their own deferred fragments stay deferred).</summary>
    public static CollectedField[] CollectDeferred(ExecutionState state, ObjectType type, List<SelectionSetNode> selectionSets) =>
        Collect(state, type, selectionSets);

    private static CollectedField[] Collect(ExecutionState state, ObjectType type, List<SelectionSetNode> selectionSets)
    {
        var fields = new FieldGroups();
        HashSet<string>? visitedFragments = null;
        List<Incremental.DeferredFragment>? deferred = null;
        foreach (var selectionSet in selectionSets)
        {
            CollectInto(state, type, selectionSet, fields, ref visitedFragments, ref deferred);
        }

        var result = new CollectedField[fields.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var (key, nodes) = fields[i];
            result[i] = new CollectedField(key, type, state.Schema.GetField(type, nodes[0].Name.Value), nodes);
        }

        if (deferred is not null)
        {
            var groups = Enumerable.Range(0, fields.Count).Select(i => fields[i]).ToList();
            deferred.RemoveAll(d => Incremental.DeferCoverage.IsCovered(state, type, d.SelectionSet, groups));
            if (deferred.Count > 0)
            {
                state.Incremental!.SetDeferred(result, deferred);
            }
        }

        return result;
    }

    private static void CollectInto(
        ExecutionState state,
        ObjectType type,
        SelectionSetNode selectionSet,
        FieldGroups fields,
        ref HashSet<string>? visitedFragments,
        ref List<Incremental.DeferredFragment>? deferred)
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
                    fields.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Applies(state.Schema, inline.TypeCondition, type))
                    {
                        if (state.Incremental is not null && Incremental.IncrementalState.IsDeferred(inline.Directives, state.Variables, out var label))
                        {
                            (deferred ??= []).Add(new Incremental.DeferredFragment(inline.SelectionSet, label));
                            continue;
                        }

                        CollectInto(state, type, inline.SelectionSet, fields, ref visitedFragments, ref deferred);
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
                        if (state.Incremental is not null && Incremental.IncrementalState.IsDeferred(spread.Directives, state.Variables, out var label))
                        {
                            (deferred ??= []).Add(new Incremental.DeferredFragment(fragment.SelectionSet, label));
                            continue;
                        }

                        CollectInto(state, type, fragment.SelectionSet, fields, ref visitedFragments, ref deferred);
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

    /// <summary>Field nodes grouped by response key in first-seen order; indexed by a dictionary only when large.</summary>
    private sealed class FieldGroups
    {
        private const int IndexThreshold = 16;
        private readonly List<(string Key, List<FieldNode> Nodes)> _groups = [];
        private Dictionary<string, int>? _index;

        public int Count => _groups.Count;

        public (string Key, List<FieldNode> Nodes) this[int index] => _groups[index];

        public void Add(FieldNode field)
        {
            var key = field.ResponseKey;
            var position = Find(key);
            if (position >= 0)
            {
                _groups[position].Nodes.Add(field);
                return;
            }

            _groups.Add((key, [field]));
            if (_index is not null)
            {
                _index[key] = _groups.Count - 1;
            }
            else if (_groups.Count > IndexThreshold)
            {
                _index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < _groups.Count; i++)
                {
                    _index[_groups[i].Key] = i;
                }
            }
        }

        private int Find(string key)
        {
            if (_index is not null)
            {
                return _index.TryGetValue(key, out var found) ? found : -1;
            }

            for (var i = 0; i < _groups.Count; i++)
            {
                if (_groups[i].Key == key)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
