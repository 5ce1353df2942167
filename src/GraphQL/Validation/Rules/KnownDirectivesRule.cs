using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>Directives exist in the schema and appear only where their definition allows.</summary>
public sealed class KnownDirectivesRule : ValidationRule
{
    private readonly List<SyntaxNode> _ancestors = [];

    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is DirectiveNode directive)
        {
            var name = directive.Name.Value;
            var definition = context.Schema.GetDirective(name);
            if (definition is null)
            {
                context.ReportError($"Unknown directive \"@{name}\".", directive);
            }
            else if (_ancestors.Count > 0 && LocationOf(_ancestors[^1]) is { } location && !definition.Locations.Contains(location))
            {
                context.ReportError($"Directive \"@{name}\" may not be used on {location.ToSpecName()}.", directive);
            }
        }

        _ancestors.Add(node);
        return true;
    }

    public override void Leave(ValidationContext context, SyntaxNode node) => _ancestors.RemoveAt(_ancestors.Count - 1);

    private static DirectiveLocation? LocationOf(SyntaxNode appliedTo) => appliedTo switch
    {
        OperationDefinitionNode { Operation: OperationKind.Query } => DirectiveLocation.Query,
        OperationDefinitionNode { Operation: OperationKind.Mutation } => DirectiveLocation.Mutation,
        OperationDefinitionNode => DirectiveLocation.Subscription,
        FieldNode => DirectiveLocation.Field,
        FragmentSpreadNode => DirectiveLocation.FragmentSpread,
        InlineFragmentNode => DirectiveLocation.InlineFragment,
        FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
        VariableDefinitionNode => DirectiveLocation.VariableDefinition,
        SchemaDefinitionNode => DirectiveLocation.Schema,
        ScalarTypeDefinitionNode => DirectiveLocation.Scalar,
        ObjectTypeDefinitionNode => DirectiveLocation.Object,
        InterfaceTypeDefinitionNode => DirectiveLocation.Interface,
        UnionTypeDefinitionNode => DirectiveLocation.Union,
        EnumTypeDefinitionNode => DirectiveLocation.Enum,
        InputObjectTypeDefinitionNode => DirectiveLocation.InputObject,
        _ => null,
    };
}
