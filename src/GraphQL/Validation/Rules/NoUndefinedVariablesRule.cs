using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Every variable used (also inside fragments) is defined by the operation.</summary>
public sealed class NoUndefinedVariablesRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node) => node is DocumentNode or OperationDefinitionNode;

    /// <summary>Reported when leaving the operation, as graphql-js does.</summary>
    public override void Leave(ValidationContext context, SyntaxNode node)
    {
        if (node is OperationDefinitionNode operation)
        {
            var defined = operation.VariableDefinitions.Select(v => v.Variable.Name.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var usage in context.GetRecursiveVariableUsages(operation))
            {
                var name = usage.Node.Name.Value;
                if (!defined.Contains(name))
                {
                    context.ReportError(
                        operation.Name is { } operationName
                            ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is not defined.",
                        usage.Node,
                        operation);
                }
            }
        }
    }
}
