using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Variables are of input types (scalars, enums, input objects).</summary>
public sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is VariableDefinitionNode definition
            && TypeReferences.Resolve(context.Schema, definition.Type) is { } type && !type.IsInputType)
        {
            context.ReportError(
                $"Variable \"${definition.Variable.Name.Value}\" cannot be non-input type \"{AstPrinter.Print(definition.Type)}\".",
                definition.Type);
        }

        return true;
    }
}
