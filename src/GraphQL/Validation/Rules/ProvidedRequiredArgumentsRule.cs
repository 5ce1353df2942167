using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Required arguments (non-null without default) of fields and directives are given.</summary>
public sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    public override void Leave(ValidationContext context, SyntaxNode node)
    {
        switch (node)
        {
            case FieldNode field when context.TypeInfo.FieldDefinition is { } definition:
                foreach (var argument in definition.Arguments)
                {
                    if (IsRequired(argument) && !IsGiven(field.Arguments, argument.Name))
                    {
                        context.ReportError(
                            $"Field \"{definition.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", field);
                    }
                }

                break;
            case DirectiveNode directive when context.Schema.GetDirective(directive.Name.Value) is { } definition:
                foreach (var argument in definition.Arguments)
                {
                    if (IsRequired(argument) && !IsGiven(directive.Arguments, argument.Name))
                    {
                        context.ReportError(
                            $"Directive \"@{definition.Name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.", directive);
                    }
                }

                break;
        }
    }

    private static bool IsGiven(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Name.Value == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRequired(InputValueDefinition argument) => argument.Type is NonNullType && !argument.HasDefaultValue;
}
