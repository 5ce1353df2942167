using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>An anonymous operation must be the only operation of the document.</summary>
public sealed class LoneAnonymousOperationRule : ValidationRule
{
    private int _operationCount;

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is DocumentNode document)
        {
            _operationCount = document.Definitions.Count(d => d is OperationDefinitionNode);
            return true;
        }

        if (node is OperationDefinitionNode { Name: null } operation && _operationCount > 1)
        {
            context.ReportError("This anonymous operation must be the only defined operation.", operation);
        }

        return false;
    }
}
