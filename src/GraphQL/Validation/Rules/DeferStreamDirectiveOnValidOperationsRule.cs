using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>
/// Subscriptions may not use @defer or @stream unless their <c>if</c> can be false (a variable or the literal
/// false); selections that @skip/@include may leave out are not checked. Errors point at the directive and the
/// fragment spreads that lead to it (graphql-js 17).
/// </summary>
public sealed class DeferStreamDirectiveOnValidOperationsRule : ValidationRule
{
    private readonly HashSet<string> _checkedFragments = new(StringComparer.Ordinal);

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is not OperationDefinitionNode { Operation: OperationKind.Subscription } operation || !IncrementalDelivery.IsEnabled(context.Schema))
        {
            return node is DocumentNode or OperationDefinitionNode;
        }

        var visited = new HashSet<string>(StringComparer.Ordinal);
        if (Forbid(context, operation.SelectionSet, [], visited))
        {
            _checkedFragments.UnionWith(visited);
        }

        return false;
    }

    private bool Forbid(ValidationContext context, SelectionSetNode selectionSet, List<SyntaxNode> parents, HashSet<string> visited)
    {
        var valid = true;
        foreach (var selection in selectionSet.Selections)
        {
            if (selection.Directives.FirstOrDefault(d => d.Name.Value == "skip") is { } skip && !IsLiteral(skip, false))
            {
                continue;
            }

            if (selection.Directives.FirstOrDefault(d => d.Name.Value == "include") is { } include && !IsLiteral(include, true) && HasIf(include))
            {
                continue;
            }

            foreach (var directive in selection.Directives)
            {
                if (directive.Name.Value is "defer" or "stream" && !IfCanBeFalse(directive))
                {
                    valid = false;
                    var which = directive.Name.Value == "defer" ? "Defer" : "Stream";
                    context.ReportError(
                        $"{which} directive not supported on subscription operations. Disable `@{directive.Name.Value}` by setting the `if` argument to `false`.",
                        [directive, .. Enumerable.Reverse(parents)]);
                }
            }

            switch (selection)
            {
                case FragmentSpreadNode spread when !_checkedFragments.Contains(spread.Name.Value) && visited.Add(spread.Name.Value)
                                                    && context.GetFragment(spread.Name.Value) is { } fragment:
                    valid = Forbid(context, fragment.SelectionSet, [.. parents, spread], visited) && valid;
                    break;
                case InlineFragmentNode inline:
                    valid = Forbid(context, inline.SelectionSet, parents, visited) && valid;
                    break;
                case FieldNode { SelectionSet: { } set } field:
                    valid = Forbid(context, set, parents, visited) && valid;
                    break;
            }
        }

        return valid;
    }

    private static bool HasIf(DirectiveNode directive) => directive.Arguments.Any(a => a.Name.Value == "if");

    private static bool IsLiteral(DirectiveNode directive, bool value) =>
        !HasIf(directive) ? value : directive.Arguments.First(a => a.Name.Value == "if").Value is BooleanValueNode literal && literal.Value == value;

    private static bool IfCanBeFalse(DirectiveNode directive) =>
        directive.Arguments.FirstOrDefault(a => a.Name.Value == "if")?.Value is VariableNode or BooleanValueNode { Value: false };
}
