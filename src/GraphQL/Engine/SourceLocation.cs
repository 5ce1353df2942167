namespace TaskForge.GraphQL;

/// <summary>A 1-based line and column in a GraphQL document (columns count UTF-16 code units, like graphql-js).</summary>
public readonly record struct SourceLocation(int Line, int Column);
