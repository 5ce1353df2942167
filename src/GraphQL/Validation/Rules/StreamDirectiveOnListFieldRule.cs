using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>@stream goes on list fields only (graphql-js 17).</summary>
public sealed class StreamDirectiveOnListFieldRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is DirectiveNode { Name.Value: "stream" } directive && IncrementalDelivery.IsEnabled(context.Schema)
            && context.TypeInfo.FieldDefinition is { } field && context.TypeInfo.ParentType is { } parent
            && field.Type.Nullable is not ListType)
        {
            context.ReportError($"Directive \"@stream\" cannot be used on non-list field \"{parent.Name}.{field.Name}\".", directive);
        }

        return true;
    }
}
