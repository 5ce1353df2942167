using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Fragments condition only on objects, interfaces and unions.</summary>
public sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        switch (node)
        {
            case InlineFragmentNode { TypeCondition: { } condition } when IsNonComposite(context, condition):
                context.ReportError($"Fragment cannot condition on non composite type \"{condition.Name.Value}\".", condition);
                break;
            case FragmentDefinitionNode fragment when IsNonComposite(context, fragment.TypeCondition):
                context.ReportError(
                    $"Fragment \"{fragment.FragmentName.Value}\" cannot condition on non composite type \"{fragment.TypeCondition.Name.Value}\".",
                    fragment.TypeCondition);
                break;
        }

        return true;
    }

    private static bool IsNonComposite(ValidationContext context, NamedTypeNode condition) =>
        context.Schema.GetType(condition.Name.Value) is { } type && type is not (ObjectType or InterfaceType or UnionType);
}
