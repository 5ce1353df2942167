using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Every argument is defined by its field or directive.</summary>
public sealed class KnownArgumentNamesRule : ValidationRule
{
    private readonly List<SyntaxNode> _ancestors = [];

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is ArgumentNode argument && context.TypeInfo.Argument is null && _ancestors.Count > 0)
        {
            var name = argument.Name.Value;
            if (_ancestors[^1] is DirectiveNode directiveNode && context.TypeInfo.Directive is { } directive)
            {
                var suggestions = Suggestions.List(name, directive.Arguments.Select(a => a.Name));
                context.ReportError($"Unknown argument \"{name}\" on directive \"@{directiveNode.Name.Value}\".{Suggestions.DidYouMean(suggestions)}", argument);
            }
            else if (_ancestors[^1] is FieldNode && context.TypeInfo.FieldDefinition is { } field && context.TypeInfo.ParentType is { } parentType)
            {
                var suggestions = Suggestions.List(name, field.Arguments.Select(a => a.Name));
                context.ReportError($"Unknown argument \"{name}\" on field \"{parentType.Name}.{field.Name}\".{Suggestions.DidYouMean(suggestions)}", argument);
            }
        }

        _ancestors.Add(node);
        return true;
    }

    public override void Leave(ValidationContext context, SyntaxNode node) => _ancestors.RemoveAt(_ancestors.Count - 1);
}
