using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Fragment names are unique in a document.</summary>
public sealed class UniqueFragmentNamesRule : ValidationRule
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            var name = fragment.FragmentName;
            if (_known.TryGetValue(name.Value, out var first))
            {
                context.ReportError($"There can be only one fragment named \"{name.Value}\".", first, name);
            }
            else
            {
                _known[name.Value] = name;
            }
        }

        return node is DocumentNode;
    }
}
