using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Every variable an operation defines is used (also inside fragments).</summary>
public sealed class NoUnusedVariablesRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node) => node is DocumentNode or OperationDefinitionNode;

    /// <summary>Reported when leaving the operation, as graphql-js does.</summary>
    public override void Leave(ValidationContext context, SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            var used = context.GetRecursiveVariableUsages(operation).Select(u => u.Node.Name.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
            {
                var name = definition.Variable.Name.Value;
                if (!used.Contains(name))
                {
                    context.ReportError(
                        operation.Name is { } operationName
                            ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is never used.",
                        definition);
                }
            }
        }
    }
}
