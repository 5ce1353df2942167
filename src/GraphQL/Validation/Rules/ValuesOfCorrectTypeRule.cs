using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Every literal is a valid value of the input type expected where it appears.</summary>
public sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        var typeInfo = context.TypeInfo;
        switch (node)
        {
            case ListValueNode list:
                if (typeInfo.ParentInputType?.Nullable is not ListType)
                {
                    CheckLeaf(context, list, typeInfo.ParentInputType);
                    return false;
                }

                return true;
            case ObjectValueNode obj:
                return CheckObject(context, obj);
            case ObjectFieldNode field:
                if (typeInfo.InputType is null && typeInfo.ParentInputType?.NamedType is InputObjectType parentType)
                {
                    var suggestions = Suggestions.List(field.Name.Value, parentType.Fields.Select(f => f.Name));
                    context.ReportError(
                        $"Field \"{field.Name.Value}\" is not defined by type \"{parentType.Name}\".{Suggestions.DidYouMean(suggestions)}", field);
                }

                return true;
            case NullValueNode nullValue:
                if (typeInfo.InputType is NonNullType nonNull)
                {
                    context.ReportError($"Expected value of type \"{nonNull}\", found null.", nullValue);
                }

                return true;
            case EnumValueNode or IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode:
                CheckLeaf(context, (ValueNode)node, typeInfo.InputType);
                return true;
            default:
                return true;
        }
    }

    private static bool CheckObject(ValidationContext context, ObjectValueNode obj)
    {
        if (context.TypeInfo.InputType?.NamedType is not InputObjectType type)
        {
            CheckLeaf(context, obj, context.TypeInfo.InputType);
            return false;
        }

        foreach (var field in type.Fields)
        {
            if (field.Type is NonNullType && !field.HasDefaultValue && !obj.Fields.Any(f => f.Name.Value == field.Name))
            {
                context.ReportError($"Field \"{type.Name}.{field.Name}\" of required type \"{field.Type}\" was not provided.", obj);
            }
        }

        if (type.IsOneOf)
        {
            var keys = obj.Fields.Select(f => f.Name.Value).Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count != 1)
            {
                context.ReportError($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", obj);
            }
            else if (obj.Fields.Last(f => f.Name.Value == keys[0]).Value is NullValueNode)
            {
                context.ReportError($"Field \"{type.Name}.{keys[0]}\" must be non-null.", obj);
            }
        }

        return true;
    }

    private static void CheckLeaf(ValidationContext context, ValueNode node, GraphQLType? locationType)
    {
        if (locationType is null)
        {
            return;
        }

        var printed = AstPrinter.Print(node);
        switch (locationType.NamedType)
        {
            case EnumType enumType:
                if (node is not EnumValueNode)
                {
                    context.ReportError(
                        $"Enum \"{enumType.Name}\" cannot represent non-enum value: {printed}.{EnumSuggestion(enumType, printed)}", node);
                }
                else if (enumType.GetValue(printed) is null)
                {
                    context.ReportError($"Value \"{printed}\" does not exist in \"{enumType.Name}\" enum.{EnumSuggestion(enumType, printed)}", node);
                }

                return;
            case ScalarType scalar:
                try
                {
                    scalar.Coercion.ParseLiteral(node, null);
                }
                catch (ScalarCoercionException exception) when (scalar.IsSpecified)
                {
                    context.ReportError(exception.Message, node);
                }
                catch (ScalarCoercionException exception)
                {
                    // Like graphql-js: only the built-in scalars' errors are reported as they are.
                    context.ReportError($"Expected value of type \"{locationType}\", found {printed}; {exception.Message}", node);
                }
                catch (GraphQLException exception)
                {
                    context.ReportError(exception.Message, node);
                }
                catch (Exception exception) when (exception is FormatException or OverflowException or InvalidCastException or ArgumentException)
                {
                    context.ReportError($"Expected value of type \"{locationType}\", found {printed}; {exception.Message}", node);
                }

                return;
            default:
                context.ReportError($"Expected value of type \"{locationType}\", found {printed}.", node);
                return;
        }
    }

    private static string EnumSuggestion(EnumType type, string printed) =>
        Suggestions.DidYouMean(Suggestions.List(printed, type.Values.Select(v => v.Name)), "the enum value");
}
