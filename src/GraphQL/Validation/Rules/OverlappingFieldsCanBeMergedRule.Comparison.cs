using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

public sealed partial class OverlappingFieldsCanBeMergedRule
{
    private void CollectConflictsWithin(List<Conflict> conflicts, FieldMap fieldMap)
    {
        foreach (var key in fieldMap.Keys)
        {
            var fields = fieldMap.Entries[key];
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, key, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fieldMap, string fragmentName)
    {
        if (!_comparedFieldsAndFragments.Add((fieldMap, fragmentName, mutuallyExclusive)))
        {
            return;
        }

        if (GetReferencedFieldsAndFragmentNames(fragmentName) is not { } referenced || ReferenceEquals(fieldMap, referenced.Fields))
        {
            return;
        }

        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap, referenced.Fields);
        foreach (var name in referenced.FragmentNames)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap, name);
        }
    }

    private void CollectConflictsBetweenFragments(List<Conflict> conflicts, bool mutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        if (fragmentName1 == fragmentName2)
        {
            return;
        }

        var key = string.CompareOrdinal(fragmentName1, fragmentName2) < 0
            ? (fragmentName1, fragmentName2, mutuallyExclusive)
            : (fragmentName2, fragmentName1, mutuallyExclusive);
        if (_comparedFragmentPairs.Contains(key) || _comparedFragmentPairs.Contains((key.Item1, key.Item2, false)))
        {
            return;
        }

        _comparedFragmentPairs.Add(key);
        if (GetReferencedFieldsAndFragmentNames(fragmentName1) is not { } first
            || GetReferencedFieldsAndFragmentNames(fragmentName2) is not { } second)
        {
            return;
        }

        CollectConflictsBetween(conflicts, mutuallyExclusive, first.Fields, second.Fields);
        foreach (var name in second.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragmentName1, name);
        }

        foreach (var name in first.FragmentNames)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name, fragmentName2);
        }
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool mutuallyExclusive, NamedType? parentType1, SelectionSetNode selectionSet1, NamedType? parentType2, SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        var (fieldMap1, fragmentNames1) = GetFieldsAndFragmentNames(parentType1, selectionSet1);
        var (fieldMap2, fragmentNames2) = GetFieldsAndFragmentNames(parentType2, selectionSet2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, fieldMap1, fieldMap2);
        foreach (var name in fragmentNames2)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap1, name);
        }

        foreach (var name in fragmentNames1)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, fieldMap2, name);
        }

        foreach (var name1 in fragmentNames1)
        {
            foreach (var name2 in fragmentNames2)
            {
                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, name1, name2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetween(List<Conflict> conflicts, bool mutuallyExclusive, FieldMap fieldMap1, FieldMap fieldMap2)
    {
        foreach (var key in fieldMap1.Keys)
        {
            if (!fieldMap2.Entries.TryGetValue(key, out var fields2))
            {
                continue;
            }

            foreach (var field1 in fieldMap1.Entries[key])
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(mutuallyExclusive, key, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private Conflict? FindConflict(bool parentsMutuallyExclusive, string responseName, FieldEntry field1, FieldEntry field2)
    {
        var mutuallyExclusive = parentsMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        var node1 = field1.Node;
        var node2 = field2.Node;
        if (!mutuallyExclusive)
        {
            if (node1.Name.Value != node2.Name.Value)
            {
                return new Conflict(responseName, $"\"{node1.Name.Value}\" and \"{node2.Name.Value}\" are different fields", [node1], [node2]);
            }

            if (!SameArguments(node1.Arguments, node2.Arguments))
            {
                return new Conflict(responseName, "they have differing arguments", [node1], [node2]);
            }
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && TypesConflict(type1, type2))
        {
            return new Conflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [node1], [node2]);
        }

        if (node1.SelectionSet is { } set1 && node2.SelectionSet is { } set2)
        {
            var subConflicts = FindConflictsBetweenSubSelectionSets(mutuallyExclusive, type1?.NamedType, set1, type2?.NamedType, set2);
            if (subConflicts.Count > 0)
            {
                return new Conflict(
                    responseName,
                    subConflicts.Select(c => (c.ResponseName, c.Reason)).ToList(),
                    [node1, .. subConflicts.SelectMany(c => c.Fields1)],
                    [node2, .. subConflicts.SelectMany(c => c.Fields2)]);
            }
        }

        return null;
    }

    private static bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        foreach (var argument1 in arguments1)
        {
            ArgumentNode? argument2 = null;
            foreach (var candidate in arguments2)
            {
                if (candidate.Name.Value == argument1.Name.Value)
                {
                    argument2 = candidate;
                    break;
                }
            }

            if (argument2 is null || !SameValue(argument1.Value, argument2.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Equal when graphql-js would print both (sorted) literals the same way.</summary>
    private static bool SameValue(ValueNode a, ValueNode b) => (a, b) switch
    {
        (VariableNode x, VariableNode y) => x.Name.Value == y.Name.Value,
        (IntValueNode x, IntValueNode y) => x.Value == y.Value,
        (FloatValueNode x, FloatValueNode y) => x.Value == y.Value,
        (StringValueNode x, StringValueNode y) => x.Value == y.Value && x.Block == y.Block,
        (BooleanValueNode x, BooleanValueNode y) => x.Value == y.Value,
        (NullValueNode, NullValueNode) => true,
        (EnumValueNode x, EnumValueNode y) => x.Value == y.Value,
        (ListValueNode x, ListValueNode y) => SameList(x.Values, y.Values),
        (ObjectValueNode x, ObjectValueNode y) => SameFields(x.Fields, y.Fields),
        _ => false,
    };

    private static bool SameList(IReadOnlyList<ValueNode> a, IReadOnlyList<ValueNode> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!SameValue(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Object literals are compared with their fields sorted by name, like graphql-js's sortValueNode.</summary>
    private static bool SameFields(IReadOnlyList<ObjectFieldNode> a, IReadOnlyList<ObjectFieldNode> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var field in a)
        {
            ObjectFieldNode? match = null;
            foreach (var candidate in b)
            {
                if (candidate.Name.Value == field.Name.Value)
                {
                    match = candidate;
                    break;
                }
            }

            if (match is null || !SameValue(field.Value, match.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (type1 is ListType list1)
        {
            return type2 is not ListType list2 || TypesConflict(list1.OfType, list2.OfType);
        }

        if (type2 is ListType)
        {
            return true;
        }

        if (type1 is NonNullType nonNull1)
        {
            return type2 is not NonNullType nonNull2 || TypesConflict(nonNull1.OfType, nonNull2.OfType);
        }

        if (type2 is NonNullType)
        {
            return true;
        }

        if (type1.IsLeafType || type2.IsLeafType)
        {
            return !ReferenceEquals(type1, type2);
        }

        return false;
    }
}
