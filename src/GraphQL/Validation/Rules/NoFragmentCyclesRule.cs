using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Fragments do not spread themselves, directly or through other fragments.</summary>
public sealed class NoFragmentCyclesRule : ValidationRule
{
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly List<FragmentSpreadNode> _spreadPath = [];
    private readonly Dictionary<string, int> _pathIndex = new(StringComparer.Ordinal);

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            Detect(context, fragment);
        }

        return node is DocumentNode;
    }

    private void Detect(ValidationContext context, FragmentDefinitionNode fragment)
    {
        var name = fragment.FragmentName.Value;
        if (!_visited.Add(name))
        {
            return;
        }

        var spreads = context.GetFragmentSpreads(fragment.SelectionSet);
        if (spreads.Count == 0)
        {
            return;
        }

        _pathIndex[name] = _spreadPath.Count;
        foreach (var spread in spreads)
        {
            var spreadName = spread.Name.Value;
            _spreadPath.Add(spread);
            if (!_pathIndex.TryGetValue(spreadName, out var cycleIndex))
            {
                if (context.GetFragment(spreadName) is { } next)
                {
                    Detect(context, next);
                }
            }
            else
            {
                var cycle = _spreadPath.Skip(cycleIndex).ToList();
                var via = string.Join(", ", cycle.Take(cycle.Count - 1).Select(s => $"\"{s.Name.Value}\""));
                context.ReportError(
                    $"Cannot spread fragment \"{spreadName}\" within itself{(via.Length > 0 ? $" via {via}." : ".")}",
                    cycle.ToArray<SyntaxNode>());
            }

            _spreadPath.RemoveAt(_spreadPath.Count - 1);
        }

        _pathIndex.Remove(name);
    }
}
