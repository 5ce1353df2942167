namespace TaskForge.GraphQL.Language;

public abstract record ExecutableDefinitionNode(
    NameNode? Name,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : DefinitionNode;

public sealed record OperationDefinitionNode(
    OperationKind Operation,
    NameNode? Name,
    IReadOnlyList<VariableDefinitionNode> VariableDefinitions,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode(Name, Directives, SelectionSet)
{
    public StringValueNode? Description { get; init; }
}

public sealed record FragmentDefinitionNode(
    NameNode FragmentName,
    NamedTypeNode TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : ExecutableDefinitionNode(FragmentName, Directives, SelectionSet)
{
    public StringValueNode? Description { get; init; }
}

public sealed record VariableDefinitionNode(
    VariableNode Variable,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : SyntaxNode
{
    public StringValueNode? Description { get; init; }
}

public sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections) : SyntaxNode;

public abstract record SelectionNode(IReadOnlyList<DirectiveNode> Directives) : SyntaxNode;

public sealed record FieldNode(
    NameNode? Alias,
    NameNode Name,
    IReadOnlyList<ArgumentNode> Arguments,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode? SelectionSet) : SelectionNode(Directives)
{
    public string ResponseKey => Alias?.Value ?? Name.Value;
}

public sealed record FragmentSpreadNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode(Directives);

public sealed record InlineFragmentNode(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : SelectionNode(Directives);
