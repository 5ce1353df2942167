using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Protection;

/// <summary>Measures depth, aliases and root fields through fragments, each fragment measured once.</summary>
internal sealed class ShapeAnalyzer(IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
{
    private readonly Dictionary<string, (int Depth, int Aliases)> _fragmentMemo = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    public OperationShape Measure(OperationDefinitionNode operation)
    {
        var (depth, aliases) = Walk(operation.SelectionSet);
        return new OperationShape(depth, aliases, CountRootFields(operation.SelectionSet, new HashSet<string>(StringComparer.Ordinal)));
    }

    private (int Depth, int Aliases) Walk(SelectionSetNode selectionSet)
    {
        var depth = 0;
        var aliases = 0;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    if (field.Alias is not null)
                    {
                        aliases++;
                    }

                    if (field.Name.Value.StartsWith("__", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var childDepth = 0;
                    if (field.SelectionSet is { } children)
                    {
                        var (d, a) = Walk(children);
                        childDepth = d;
                        aliases += a;
                    }

                    depth = Math.Max(depth, childDepth + 1);
                    break;
                case InlineFragmentNode inline:
                    var (inlineDepth, inlineAliases) = Walk(inline.SelectionSet);
                    depth = Math.Max(depth, inlineDepth);
                    aliases += inlineAliases;
                    break;
                case FragmentSpreadNode spread:
                    var (spreadDepth, spreadAliases) = WalkFragment(spread.Name.Value);
                    depth = Math.Max(depth, spreadDepth);
                    aliases += spreadAliases;
                    break;
            }
        }

        return (depth, aliases);
    }

    private (int Depth, int Aliases) WalkFragment(string name)
    {
        if (_fragmentMemo.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
        {
            return (0, 0);
        }

        var measured = Walk(fragment.SelectionSet);
        _inProgress.Remove(name);
        _fragmentMemo[name] = measured;
        return measured;
    }

    private int CountRootFields(SelectionSetNode selectionSet, HashSet<string> visited)
    {
        var count = 0;
        foreach (var selection in selectionSet.Selections)
        {
            count += selection switch
            {
                FieldNode => 1,
                InlineFragmentNode inline => CountRootFields(inline.SelectionSet, visited),
                FragmentSpreadNode spread when visited.Add(spread.Name.Value) && fragments.TryGetValue(spread.Name.Value, out var fragment)
                    => CountRootFields(fragment.SelectionSet, visited),
                _ => 0,
            };
        }

        return count;
    }
}
