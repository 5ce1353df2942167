using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>An input object literal gives each field once.</summary>
public sealed class UniqueInputFieldNamesRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is ObjectValueNode obj && obj.Fields.Count > 1)
        {
            var known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            foreach (var field in obj.Fields)
            {
                if (known.TryGetValue(field.Name.Value, out var first))
                {
                    context.ReportError($"There can be only one input field named \"{field.Name.Value}\".", first, field.Name);
                }
                else
                {
                    known[field.Name.Value] = field.Name;
                }
            }
        }

        return true;
    }
}
