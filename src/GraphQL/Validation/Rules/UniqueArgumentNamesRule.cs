using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>A field or directive receives each argument once.</summary>
public sealed class UniqueArgumentNamesRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        var arguments = node switch
        {
            FieldNode field => field.Arguments,
            DirectiveNode directive => directive.Arguments,
            _ => null,
        };
        if (arguments is { Count: > 1 })
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    context.ReportError($"There can be only one argument named \"{group.Key}\".", group.Select(a => (SyntaxNode)a.Name).ToArray());
                }
            }
        }

        return true;
    }
}
