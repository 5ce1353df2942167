namespace TaskForge.GraphQL.Protection;

/// <summary>Measurements of an operation that do not depend on variables.</summary>
internal sealed record OperationShape(int Depth, int Aliases, int RootFields);
