using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>An operation defines each variable once.</summary>
public sealed class UniqueVariableNamesRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            foreach (var group in operation.VariableDefinitions.GroupBy(v => v.Variable.Name.Value, StringComparer.Ordinal))
            {
                if (group.Count() > 1)
                {
                    context.ReportError($"There can be only one variable named \"${group.Key}\".", group.Select(v => (SyntaxNode)v.Variable.Name).ToArray());
                }
            }
        }

        return node is DocumentNode;
    }
}
