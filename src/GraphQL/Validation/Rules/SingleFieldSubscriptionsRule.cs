using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Validation.Rules;

/// <summary>A subscription selects exactly one root field, and not an introspection field.</summary>
public sealed class SingleFieldSubscriptionsRule : ValidationRule
{
    public override bool Enter(ValidationContext context, SyntaxNode node)
    {
        if (node is not OperationDefinitionNode { Operation: OperationKind.Subscription } operation)
        {
            return node is DocumentNode;
        }

        if (context.Schema.Subscription is not { } rootType)
        {
            return false;
        }

        var fields = new List<(string Key, List<FieldNode> Nodes)>();
        Collect(context, rootType, operation.SelectionSet, fields, new HashSet<string>(StringComparer.Ordinal));
        var name = operation.Name?.Value;
        if (fields.Count > 1)
        {
            context.ReportError(
                name is null ? "Anonymous Subscription must select only one top level field." : $"Subscription \"{name}\" must select only one top level field.",
                fields.Skip(1).SelectMany(f => f.Nodes).ToArray<SyntaxNode>());
        }

        foreach (var (key, nodes) in fields)
        {
            if (nodes[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                context.ReportError(
                    name is null
                        ? "Anonymous Subscription must not select an introspection top level field."
                        : $"Subscription \"{name}\" must not select an introspection top level field.",
                    nodes.ToArray<SyntaxNode>());
            }
        }

        return false;
    }

    private static void Collect(
        ValidationContext context, ObjectType rootType, SelectionSetNode selectionSet, List<(string Key, List<FieldNode> Nodes)> fields, HashSet<string> visited)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var index = fields.FindIndex(f => f.Key == field.ResponseKey);
                    if (index < 0)
                    {
                        fields.Add((field.ResponseKey, [field]));
                    }
                    else
                    {
                        fields[index].Nodes.Add(field);
                    }

                    break;
                case InlineFragmentNode inline when Applies(context, inline.TypeCondition, rootType):
                    Collect(context, rootType, inline.SelectionSet, fields, visited);
                    break;
                case FragmentSpreadNode spread when visited.Add(spread.Name.Value)
                    && context.GetFragment(spread.Name.Value) is { } fragment && Applies(context, fragment.TypeCondition, rootType):
                    Collect(context, rootType, fragment.SelectionSet, fields, visited);
                    break;
            }
        }
    }

    private static bool Applies(ValidationContext context, NamedTypeNode? condition, ObjectType type)
    {
        if (condition is null)
        {
            return true;
        }

        var conditionType = context.Schema.GetType(condition.Name.Value);
        return ReferenceEquals(conditionType, type) || (conditionType is InterfaceType or UnionType && context.Schema.IsSubType(conditionType, type));
    }
}
