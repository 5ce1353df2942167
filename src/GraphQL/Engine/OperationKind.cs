namespace TaskForge.GraphQL;

/// <summary>The three kinds of GraphQL operation.</summary>
public enum OperationKind
{
    Query,
    Mutation,
    Subscription,
}
