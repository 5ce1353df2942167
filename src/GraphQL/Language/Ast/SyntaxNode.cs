namespace TaskForge.GraphQL.Language;

/// <summary>
/// Base of every AST node. <see cref="Start"/> and <see cref="End"/> are character offsets in the document.
/// Nodes are records for brevity: compare them by reference (use <see cref="ReferenceEqualityComparer"/> for keys).
/// </summary>
public abstract record SyntaxNode
{
    public int Start { get; init; }

    public int End { get; init; }
}

/// <summary>A name token (field, type, argument, directive, ...).</summary>
public sealed record NameNode(string Value) : SyntaxNode;

/// <summary>A parsed document: executable definitions, type-system definitions or both.</summary>
public sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions) : SyntaxNode
{
    /// <summary>The source text, used to turn offsets into line/column locations.</summary>
    public string Text { get; init; } = string.Empty;

    public SourceLocation GetLocation(int offset) => SourceText.GetLocation(Text, offset);
}

public abstract record DefinitionNode : SyntaxNode;

public sealed record DirectiveNode(NameNode Name, IReadOnlyList<ArgumentNode> Arguments) : SyntaxNode;

public sealed record ArgumentNode(NameNode Name, ValueNode Value) : SyntaxNode;
