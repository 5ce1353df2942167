using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>
/// Fields with the same response key can be merged: same field and arguments (unless their parents are
/// different object types) and compatible result shapes, recursively. Follows graphql-js's algorithm,
/// comparing each pair of fragments at most once so hostile documents stay cheap.
/// </summary>
public sealed partial class OverlappingFieldsCanBeMergedRule : ValidationRule
{
    private readonly Dictionary<SelectionSetNode, FieldsAndFragments> _cache = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(string, string, bool)> _comparedFragmentPairs = [];
    private readonly HashSet<(FieldMap, string, bool)> _comparedFieldsAndFragments = [];
    private readonly HashSet<SelectionSetNode> _inlineFragmentSets = new(ReferenceEqualityComparer.Instance);
    private ValidationContext _context = null!;

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is InlineFragmentNode inline)
        {
            // An inline fragment's selections belong to the enclosing response level, which compares them
            // already: comparing them again here would report each conflict once more per nesting.
            _inlineFragmentSets.Add(inline.SelectionSet);
        }
        else if (node is SelectionSetNode selectionSet && !_inlineFragmentSets.Contains(selectionSet) && !IsTriviallyMergeable(selectionSet))
        {
            _context = context;
            foreach (var conflict in FindConflictsWithin(context.TypeInfo.ParentType, selectionSet))
            {
                context.ReportError(
                    $"Fields \"{conflict.ResponseName}\" conflict because {ReasonMessage(conflict.Reason)}. Use different aliases on the fields to fetch both if this was intentional.",
                    [.. conflict.Fields1, .. conflict.Fields2]);
            }
        }

        return true;
    }

    /// <summary>Only fields and no repeated response key: nothing at this level can conflict (nested levels are visited on their own).</summary>
    private static bool IsTriviallyMergeable(SelectionSetNode selectionSet)
    {
        var selections = selectionSet.Selections;
        for (var i = 0; i < selections.Count; i++)
        {
            if (selections[i] is not FieldNode field)
            {
                return false;
            }

            var key = field.ResponseKey;
            for (var j = 0; j < i; j++)
            {
                if (((FieldNode)selections[j]).ResponseKey == key)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string ReasonMessage(object reason) => reason switch
    {
        List<(string Name, object Reason)> subreasons => string.Join(
            " and ", subreasons.Select(s => $"subfields \"{s.Name}\" conflict because {ReasonMessage(s.Reason)}")),
        _ => (string)reason,
    };

    private List<Conflict> FindConflictsWithin(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap, fragmentNames) = GetFieldsAndFragmentNames(parentType, selectionSet);
        CollectConflictsWithin(conflicts, fieldMap);
        for (var i = 0; i < fragmentNames.Count; i++)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, false, fieldMap, fragmentNames[i]);
            for (var j = i + 1; j < fragmentNames.Count; j++)
            {
                CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }

        return conflicts;
    }

    private FieldsAndFragments GetFieldsAndFragmentNames(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_cache.TryGetValue(selectionSet, out var cached))
        {
            return cached;
        }

        var fieldMap = new FieldMap();
        var fragmentNames = new List<string>();
        Collect(parentType, selectionSet, fieldMap, fragmentNames);
        var result = new FieldsAndFragments(fieldMap, fragmentNames);
        _cache[selectionSet] = result;
        return result;
    }

    private FieldsAndFragments? GetReferencedFieldsAndFragmentNames(string fragmentName)
    {
        if (_context.GetFragment(fragmentName) is not { } fragment)
        {
            return null;
        }

        var type = _context.Schema.GetType(fragment.TypeCondition.Name.Value);
        return GetFieldsAndFragmentNames(type, fragment.SelectionSet);
    }

    private void Collect(NamedType? parentType, SelectionSetNode selectionSet, FieldMap fieldMap, List<string> fragmentNames)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is ObjectType or InterfaceType ? _context.Schema.GetField(parentType, field.Name.Value) : null;
                    if (definition is null && parentType is not null && field.Name.Value == "__typename")
                    {
                        definition = _context.Schema.GetField(parentType, "__typename");
                    }

                    fieldMap.Add(field.ResponseKey, new FieldEntry(parentType, field, definition));
                    break;
                case FragmentSpreadNode spread:
                    if (!fragmentNames.Contains(spread.Name.Value))
                    {
                        fragmentNames.Add(spread.Name.Value);
                    }

                    break;
                case InlineFragmentNode inline:
                    var conditionType = inline.TypeCondition is null ? parentType : _context.Schema.GetType(inline.TypeCondition.Name.Value);
                    Collect(conditionType, inline.SelectionSet, fieldMap, fragmentNames);
                    break;
            }
        }
    }

    private sealed record FieldEntry(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    private sealed record FieldsAndFragments(FieldMap Fields, List<string> FragmentNames);

    private sealed record Conflict(string ResponseName, object Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    /// <summary>Response key to fields, in first-seen order.</summary>
    private sealed class FieldMap
    {
        public List<string> Keys { get; } = [];

        public Dictionary<string, List<FieldEntry>> Entries { get; } = new(StringComparer.Ordinal);

        public void Add(string key, FieldEntry entry)
        {
            if (!Entries.TryGetValue(key, out var list))
            {
                Entries[key] = list = [];
                Keys.Add(key);
            }

            list.Add(entry);
        }
    }
}
