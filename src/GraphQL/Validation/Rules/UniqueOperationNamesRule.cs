using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Operation names are unique in a document.</summary>
public sealed class UniqueOperationNamesRule : ValidationRule
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is OperationDefinitionNode { Name: { } name })
        {
            if (_known.TryGetValue(name.Value, out var first))
            {
                context.ReportError($"There can be only one operation named \"{name.Value}\".", first, name);
            }
            else
            {
                _known[name.Value] = name;
            }
        }

        return node is DocumentNode or OperationDefinitionNode;
    }
}
