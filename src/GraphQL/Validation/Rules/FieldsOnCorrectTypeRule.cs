using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Every selected field exists on its parent type, with graphql-js's suggestions.</summary>
public sealed class FieldsOnCorrectTypeRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is not FieldNode field || context.TypeInfo.ParentType is not { } parentType || context.TypeInfo.FieldDefinition is not null)
        {
            return true;
        }

        var fieldName = field.Name.Value;
        var suggestion = Suggestions.DidYouMean(SuggestedTypeNames(context.Schema, parentType, fieldName), "to use an inline fragment on");
        if (suggestion.Length == 0 && parentType is IFieldsContainer container)
        {
            suggestion = Suggestions.DidYouMean(Suggestions.List(fieldName, container.Fields.Select(f => f.Name)));
        }

        context.ReportError($"Cannot query field \"{fieldName}\" on type \"{parentType.Name}\".{suggestion}", field);
        return true;
    }

    private static List<string> SuggestedTypeNames(Schema schema, NamedType type, string fieldName)
    {
        if (type is not (InterfaceType or UnionType))
        {
            return [];
        }

        var suggested = new List<NamedType>();
        var usage = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var possible in schema.GetPossibleTypes(type))
        {
            if (possible.Fields[fieldName] is null)
            {
                continue;
            }

            suggested.Add(possible);
            usage[possible.Name] = 1;
            foreach (var iface in possible.Interfaces)
            {
                if (iface.Fields[fieldName] is null)
                {
                    continue;
                }

                if (!suggested.Contains(iface))
                {
                    suggested.Add(iface);
                }

                usage[iface.Name] = usage.GetValueOrDefault(iface.Name) + 1;
            }
        }

        suggested.Sort((a, b) =>
        {
            var diff = usage[b.Name] - usage[a.Name];
            if (diff != 0)
            {
                return diff;
            }

            if (a is InterfaceType && schema.IsSubType(a, b))
            {
                return -1;
            }

            if (b is InterfaceType && schema.IsSubType(b, a))
            {
                return 1;
            }

            return string.CompareOrdinal(a.Name, b.Name);
        });
        return suggested.Select(t => t.Name).ToList();
    }
}
