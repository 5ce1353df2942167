using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Validation;

/// <summary>Enumerates the children of executable-document nodes in document order (names are not visited).</summary>
internal static class SyntaxWalker
{
    public static void Children(SyntaxNode node, List<SyntaxNode> into)
    {
        switch (node)
        {
            case DocumentNode document:
                into.AddRange(document.Definitions);
                break;
            case OperationDefinitionNode operation:
                into.AddRange(operation.VariableDefinitions);
                into.AddRange(operation.Directives);
                into.Add(operation.SelectionSet);
                break;
            case VariableDefinitionNode variable:
                into.Add(variable.Type);
                if (variable.DefaultValue is not null)
                {
                    into.Add(variable.DefaultValue);
                }

                into.AddRange(variable.Directives);
                break;
            case SelectionSetNode selectionSet:
                into.AddRange(selectionSet.Selections);
                break;
            case FieldNode field:
                into.AddRange(field.Arguments);
                into.AddRange(field.Directives);
                if (field.SelectionSet is not null)
                {
                    into.Add(field.SelectionSet);
                }

                break;
            case ArgumentNode argument:
                into.Add(argument.Value);
                break;
            case FragmentSpreadNode spread:
                into.AddRange(spread.Directives);
                break;
            case InlineFragmentNode inline:
                if (inline.TypeCondition is not null)
                {
                    into.Add(inline.TypeCondition);
                }

                into.AddRange(inline.Directives);
                into.Add(inline.SelectionSet);
                break;
            case FragmentDefinitionNode fragment:
                into.Add(fragment.TypeCondition);
                into.AddRange(fragment.Directives);
                into.Add(fragment.SelectionSet);
                break;
            case ListValueNode list:
                into.AddRange(list.Values);
                break;
            case ObjectValueNode obj:
                into.AddRange(obj.Fields);
                break;
            case ObjectFieldNode objectField:
                into.Add(objectField.Value);
                break;
            case DirectiveNode directive:
                into.AddRange(directive.Arguments);
                break;
            case SchemaDefinitionNode schema:
                into.AddRange(schema.Directives);
                break;
            case TypeDefinitionNode type:
                into.AddRange(type.Directives);
                break;
            case ListTypeNode listType:
                into.Add(listType.Type);
                break;
            case NonNullTypeNode nonNullType:
                into.Add(nonNullType.Type);
                break;
        }
    }

    /// <summary>Depth-first walk calling <paramref name="enter"/> (false skips the subtree) and <paramref name="leave"/>.</summary>
    public static void Walk(SyntaxNode root, Func<SyntaxNode, bool> enter, Action<SyntaxNode> leave)
    {
        if (!enter(root))
        {
            return;
        }

        var children = new List<SyntaxNode>();
        Children(root, children);
        foreach (var child in children)
        {
            Walk(child, enter, leave);
        }

        leave(root);
    }
}
