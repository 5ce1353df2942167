namespace TaskForge.GraphQL.Language;

/// <summary>A type reference: <c>Name</c>, <c>[T]</c> or <c>T!</c>.</summary>
public abstract record TypeNode : SyntaxNode;

public sealed record NamedTypeNode(NameNode Name) : TypeNode;

public sealed record ListTypeNode(TypeNode Type) : TypeNode;

public sealed record NonNullTypeNode(TypeNode Type) : TypeNode;
