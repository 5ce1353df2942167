using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>@defer and @stream labels are static strings, unique across the document (graphql-js 17).</summary>
public sealed class DeferStreamDirectiveLabelRule : ValidationRule
{
    private readonly Dictionary<string, DirectiveNode> _labels = new(StringComparer.Ordinal);

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is not DirectiveNode { Name.Value: "defer" or "stream" } directive || !IncrementalDelivery.IsEnabled(context.Schema))
        {
            return true;
        }

        var label = directive.Arguments.FirstOrDefault(a => a.Name.Value == "label")?.Value;
        if (label is null or NullValueNode)
        {
            return true;
        }

        if (label is not StringValueNode text)
        {
            context.ReportError($"Argument \"@{directive.Name.Value}(label:)\" must be a static string.", directive);
        }
        else if (_labels.TryGetValue(text.Value, out var known))
        {
            context.ReportError(
                "Value for arguments \"defer(label:)\" and \"stream(label:)\" must be unique across all Defer/Stream directive usages.", known, directive);
        }
        else
        {
            _labels[text.Value] = directive;
        }

        return true;
    }
}
