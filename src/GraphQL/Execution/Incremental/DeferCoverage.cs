using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Execution.Incremental;

/// <summary>
/// Whether a deferred fragment would deliver nothing: every field it selects is also selected, with the same
/// sub-selections, outside it at the same level. graphql-js 17 announces no such fragment; neither do we. The
/// check is conservative: under an abstract type only fields and untyped fragments can be matched, and nested
/// deferred fragments count as new.
/// </summary>
internal static class DeferCoverage
{
    public static bool IsCovered(ExecutionState state, ObjectType type, SelectionSetNode deferred, IReadOnlyList<(string Key, List<FieldNode> Nodes)> fields) =>
        Covered(state, type, deferred, key => Lookup(fields, key));

    private static List<FieldNode>? Lookup(IReadOnlyList<(string Key, List<FieldNode> Nodes)> fields, string key)
    {
        foreach (var (candidate, nodes) in fields)
        {
            if (candidate == key)
            {
                return nodes;
            }
        }

        return null;
    }

    private static bool Covered(ExecutionState state, NamedType type, SelectionSetNode selectionSet, Func<string, List<FieldNode>?> outside)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (selection.Directives.Count > 0 && !DirectiveValues.ShouldInclude(selection.Directives, state.Variables))
            {
                continue;
            }

            if (selection is not FieldNode && IncrementalState.IsDeferred(selection.Directives, state.Variables, out _))
            {
                return false;
            }

            var covered = selection switch
            {
                FieldNode field => FieldCovered(state, type, field, outside),
                InlineFragmentNode inline => Applies(state, type, inline.TypeCondition) switch
                {
                    true => Covered(state, type, inline.SelectionSet, outside),
                    false => true,
                    null => false,
                },
                FragmentSpreadNode spread => state.Fragments.TryGetValue(spread.Name.Value, out var fragment)
                    && Applies(state, type, fragment.TypeCondition) switch
                    {
                        true => Covered(state, type, fragment.SelectionSet, outside),
                        false => true,
                        null => false,
                    },
                _ => false,
            };
            if (!covered)
            {
                return false;
            }
        }

        return true;
    }

    private static bool FieldCovered(ExecutionState state, NamedType type, FieldNode field, Func<string, List<FieldNode>?> outside)
    {
        if (outside(field.ResponseKey) is not { } nodes)
        {
            return false;
        }

        if (field.SelectionSet is null)
        {
            return true;
        }

        if (state.Schema.GetField(type, field.Name.Value)?.Type.NamedType is not { } child)
        {
            return false;
        }

        var collected = new List<(string Key, List<FieldNode> Nodes)>();
        foreach (var node in nodes)
        {
            if (node.SelectionSet is not null)
            {
                Flatten(state, child, node.SelectionSet, collected);
            }
        }

        return Covered(state, child, field.SelectionSet, key => Lookup(collected, key));
    }

    /// <summary>Whether a type condition holds for values of <paramref name="type"/>: null when that depends on the runtime type.</summary>
    private static bool? Applies(ExecutionState state, NamedType type, NamedTypeNode? condition)
    {
        if (condition is null || condition.Name.Value == type.Name)
        {
            return true;
        }

        if (type is not ObjectType obj)
        {
            return null;
        }

        var conditionType = state.Schema.GetType(condition.Name.Value);
        return conditionType is InterfaceType or UnionType && state.Schema.IsSubType(conditionType, obj);
    }

    /// <summary>The non-deferred fields of a selection set by response key (what is delivered with its parent).</summary>
    private static void Flatten(ExecutionState state, NamedType type, SelectionSetNode selectionSet, List<(string Key, List<FieldNode> Nodes)> into)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if ((selection.Directives.Count > 0 && !DirectiveValues.ShouldInclude(selection.Directives, state.Variables))
                || (selection is not FieldNode && IncrementalState.IsDeferred(selection.Directives, state.Variables, out _)))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    if (Lookup(into, field.ResponseKey) is { } existing)
                    {
                        existing.Add(field);
                    }
                    else
                    {
                        into.Add((field.ResponseKey, [field]));
                    }

                    break;
                case InlineFragmentNode inline when Applies(state, type, inline.TypeCondition) == true:
                    Flatten(state, type, inline.SelectionSet, into);
                    break;
                case FragmentSpreadNode spread when state.Fragments.TryGetValue(spread.Name.Value, out var fragment)
                                                    && Applies(state, type, fragment.TypeCondition) == true:
                    Flatten(state, type, fragment.SelectionSet, into);
                    break;
            }
        }
    }
}
