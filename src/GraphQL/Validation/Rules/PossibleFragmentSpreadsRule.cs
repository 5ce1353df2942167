using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>A fragment is spread only where its type can overlap the parent type.</summary>
public sealed class PossibleFragmentSpreadsRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        switch (node)
        {
            case InlineFragmentNode inline:
                if (context.TypeInfo.Type is NamedType fragmentType && IsComposite(fragmentType)
                    && context.TypeInfo.ParentType is { } parentType && !Overlap(context.Schema, fragmentType, parentType))
                {
                    context.ReportError(
                        $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".", inline);
                }

                break;
            case FragmentSpreadNode spread:
                var name = spread.Name.Value;
                if (context.GetFragment(name) is { } fragment && context.Schema.GetType(fragment.TypeCondition.Name.Value) is { } spreadType
                    && IsComposite(spreadType) && context.TypeInfo.ParentType is { } spreadParent && !Overlap(context.Schema, spreadType, spreadParent))
                {
                    context.ReportError(
                        $"Fragment \"{name}\" cannot be spread here as objects of type \"{spreadParent.Name}\" can never be of type \"{spreadType.Name}\".", spread);
                }

                break;
        }

        return true;
    }

    private static bool IsComposite(NamedType type) => type is ObjectType or InterfaceType or UnionType;

    internal static bool Overlap(Schema schema, NamedType a, NamedType b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is InterfaceType or UnionType)
        {
            return b is InterfaceType or UnionType
                ? schema.GetPossibleTypes(a).Any(t => schema.IsSubType(b, t))
                : schema.IsSubType(a, b);
        }

        return b is InterfaceType or UnionType && schema.IsSubType(b, a);
    }
}
