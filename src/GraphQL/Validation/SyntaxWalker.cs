using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation;

/// <summary>Callbacks of a document walk: <see cref="Enter"/> returning false skips the node's children.</summary>
internal interface ISyntaxVisitor
{
    bool Enter(SyntaxNode node);

    void Leave(SyntaxNode node);
}

/// <summary>Depth-first walk over executable-document nodes in document order (names are not visited), allocation-free.</summary>
internal static class SyntaxWalker
{
    public static void Walk(SyntaxNode node, ISyntaxVisitor visitor)
    {
        if (!visitor.Enter(node))
        {
            return;
        }

        switch (node)
        {
            case DocumentNode document:
                WalkAll(document.Definitions, visitor);
                break;
            case OperationDefinitionNode operation:
                WalkAll(operation.VariableDefinitions, visitor);
                WalkAll(operation.Directives, visitor);
                Walk(operation.SelectionSet, visitor);
                break;
            case VariableDefinitionNode variable:
                Walk(variable.Type, visitor);
                WalkOptional(variable.DefaultValue, visitor);
                WalkAll(variable.Directives, visitor);
                break;
            case SelectionSetNode selectionSet:
                WalkAll(selectionSet.Selections, visitor);
                break;
            case FieldNode field:
                WalkAll(field.Arguments, visitor);
                WalkAll(field.Directives, visitor);
                WalkOptional(field.SelectionSet, visitor);
                break;
            case ArgumentNode argument:
                Walk(argument.Value, visitor);
                break;
            case FragmentSpreadNode spread:
                WalkAll(spread.Directives, visitor);
                break;
            case InlineFragmentNode inline:
                WalkOptional(inline.TypeCondition, visitor);
                WalkAll(inline.Directives, visitor);
                Walk(inline.SelectionSet, visitor);
                break;
            case FragmentDefinitionNode fragment:
                Walk(fragment.TypeCondition, visitor);
                WalkAll(fragment.Directives, visitor);
                Walk(fragment.SelectionSet, visitor);
                break;
            case ListValueNode list:
                WalkAll(list.Values, visitor);
                break;
            case ObjectValueNode obj:
                WalkAll(obj.Fields, visitor);
                break;
            case ObjectFieldNode objectField:
                Walk(objectField.Value, visitor);
                break;
            case DirectiveNode directive:
                WalkAll(directive.Arguments, visitor);
                break;
            case SchemaDefinitionNode schema:
                WalkAll(schema.Directives, visitor);
                break;
            case TypeDefinitionNode type:
                WalkAll(type.Directives, visitor);
                break;
            case ListTypeNode listType:
                Walk(listType.Type, visitor);
                break;
            case NonNullTypeNode nonNullType:
                Walk(nonNullType.Type, visitor);
                break;
        }

        visitor.Leave(node);
    }

    private static void WalkAll<T>(IReadOnlyList<T> nodes, ISyntaxVisitor visitor)
        where T : SyntaxNode
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Walk(nodes[i], visitor);
        }
    }

    private static void WalkOptional(SyntaxNode? node, ISyntaxVisitor visitor)
    {
        if (node is not null)
        {
            Walk(node, visitor);
        }
    }
}
