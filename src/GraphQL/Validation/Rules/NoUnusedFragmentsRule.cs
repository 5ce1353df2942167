using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Every fragment is used by some operation.</summary>
public sealed class NoUnusedFragmentsRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is not DocumentNode document)
        {
            return false;
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Definitions.OfType<OperationDefinitionNode>())
        {
            foreach (var fragment in context.GetRecursivelyReferencedFragments(operation))
            {
                used.Add(fragment.FragmentName.Value);
            }
        }

        foreach (var fragment in document.Definitions.OfType<FragmentDefinitionNode>())
        {
            if (!used.Contains(fragment.FragmentName.Value))
            {
                context.ReportError($"Fragment \"{fragment.FragmentName.Value}\" is never used.", fragment);
            }
        }

        return false;
    }
}
