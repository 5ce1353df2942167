using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>A document to execute holds only operations and fragments.</summary>
public sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is not DocumentNode document)
        {
            return true;
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode)
            {
                continue;
            }

            var name = definition switch
            {
                SchemaDefinitionNode => "schema",
                TypeDefinitionNode type => $"\"{type.Name.Value}\"",
                DirectiveDefinitionNode directive => $"\"{directive.Name.Value}\"",
                _ => "definition",
            };
            context.ReportError($"The {name} definition is not executable.", definition);
        }

        return true;
    }
}
