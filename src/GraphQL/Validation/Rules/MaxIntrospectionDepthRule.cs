using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Introspection may not nest fields/interfaces/possibleTypes/inputFields three levels deep (a cheap DoS guard).</summary>
public sealed class MaxIntrospectionDepthRule : ValidationRule
{
    private const int MaxListsDepth = 3;
    private readonly Dictionary<string, int> _checked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _exceeded = new(StringComparer.Ordinal);

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is FieldNode { Name.Value: "__schema" or "__type" } field
            && Exceeds(context, field, new Dictionary<string, int>(StringComparer.Ordinal), 0))
        {
            context.ReportError("Maximum introspection depth exceeded", field);
            return false;
        }

        return true;
    }

    private bool Exceeds(ValidationContext context, SelectionNode node, Dictionary<string, int> visited, int depth)
    {
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;
            if (_exceeded.TryGetValue(name, out var exceededAt) && exceededAt <= depth)
            {
                return true;
            }

            if ((visited.TryGetValue(name, out var visitedAt) && visitedAt >= depth)
                || (_checked.TryGetValue(name, out var checkedAt) && checkedAt >= depth))
            {
                return false;
            }

            if (context.GetFragment(name) is not { } fragment)
            {
                return false;
            }

            visited[name] = depth;
            var result = fragment.SelectionSet.Selections.Any(child => Exceeds(context, child, visited, depth));
            visited.Remove(name);
            if (result)
            {
                _exceeded[name] = depth;
                return true;
            }

            _checked[name] = depth;
            return false;
        }

        if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" } && ++depth >= MaxListsDepth)
        {
            return true;
        }

        var selectionSet = node switch
        {
            FieldNode field => field.SelectionSet,
            InlineFragmentNode inline => inline.SelectionSet,
            _ => null,
        };
        return selectionSet is not null && selectionSet.Selections.Any(child => Exceeds(context, child, visited, depth));
    }
}
