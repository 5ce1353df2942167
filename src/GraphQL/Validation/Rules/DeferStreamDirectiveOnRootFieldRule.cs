using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>
/// No @defer on fragments of the mutation or subscription root type and no @stream on their root fields
/// (graphql-js 17): root mutation fields must run once and in order, subscription roots yield one event each.
/// </summary>
public sealed class DeferStreamDirectiveOnRootFieldRule : ValidationRule
{
    private readonly HashSet<string> _checkedFragments = new(StringComparer.Ordinal);

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is not OperationDefinitionNode { Operation: OperationKind.Mutation or OperationKind.Subscription } operation
            || !IncrementalDelivery.IsEnabled(context.Schema))
        {
            return node is DocumentNode or OperationDefinitionNode;
        }

        if (context.Schema.GetRootType(operation.Operation) is { } rootType)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var kind = operation.Operation.ToString().ToLowerInvariant();
            if (Forbid(context, kind, rootType.Name, operation.SelectionSet, visited))
            {
                _checkedFragments.UnionWith(visited);
            }
        }

        return false;
    }

    private bool Forbid(ValidationContext context, string kind, string rootType, SelectionSetNode selectionSet, HashSet<string> visited)
    {
        var valid = true;
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field when Find(field, "stream") is { } stream:
                    valid = false;
                    context.ReportError($"Stream directive cannot be used on root {kind} type \"{rootType}\".", stream);
                    break;
                case FragmentSpreadNode spread when visited.Add(spread.Name.Value) && context.GetFragment(spread.Name.Value) is { } fragment:
                    if (Find(spread, "defer") is { } deferOnSpread)
                    {
                        valid = false;
                        context.ReportError($"Defer directive cannot be used on root {kind} type \"{rootType}\".", deferOnSpread);
                    }

                    if (!_checkedFragments.Contains(spread.Name.Value))
                    {
                        valid = Forbid(context, kind, rootType, fragment.SelectionSet, visited) && valid;
                    }

                    break;
                case InlineFragmentNode inline:
                    if (Find(inline, "defer") is { } deferOnInline)
                    {
                        valid = false;
                        context.ReportError($"Defer directive cannot be used on root {kind} type \"{rootType}\".", deferOnInline);
                    }

                    valid = Forbid(context, kind, rootType, inline.SelectionSet, visited) && valid;
                    break;
            }
        }

        return valid;
    }

    /// <summary>The directive, whatever its <c>if</c> says (as graphql-js).</summary>
    private static DirectiveNode? Find(SelectionNode selection, string name) =>
        selection.Directives.FirstOrDefault(d => d.Name.Value == name);
}
