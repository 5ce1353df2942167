using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Every type named in variables and type conditions exists in the schema.</summary>
public sealed class KnownTypeNamesRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is NamedTypeNode named && context.Schema.GetType(named.Name.Value) is null)
        {
            var suggestions = Suggestions.List(named.Name.Value, context.Schema.Types.Select(t => t.Name));
            context.ReportError($"Unknown type \"{named.Name.Value}\".{Suggestions.DidYouMean(suggestions)}", named);
        }

        return true;
    }
}
