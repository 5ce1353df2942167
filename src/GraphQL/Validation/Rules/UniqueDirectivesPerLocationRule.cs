using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>A non-repeatable directive appears at most once per location.</summary>
public sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        var directives = node switch
        {
            OperationDefinitionNode operation => operation.Directives,
            FragmentDefinitionNode fragment => fragment.Directives,
            VariableDefinitionNode variable => variable.Directives,
            SelectionNode selection => selection.Directives,
            _ => null,
        };
        if (directives is { Count: > 1 })
        {
            var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            foreach (var directive in directives)
            {
                var name = directive.Name.Value;
                if (context.Schema.GetDirective(name) is not { IsRepeatable: false })
                {
                    continue;
                }

                if (seen.TryGetValue(name, out var first))
                {
                    context.ReportError($"The directive \"@{name}\" can only be used once at this location.", first, directive);
                }
                else
                {
                    seen[name] = directive;
                }
            }
        }

        return true;
    }
}
