using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Every spread names a fragment defined in the document.</summary>
public sealed class KnownFragmentNamesRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is FragmentSpreadNode spread && context.GetFragment(spread.Name.Value) is null)
        {
            context.ReportError($"Unknown fragment \"{spread.Name.Value}\".", spread.Name);
        }

        return true;
    }
}
