namespace TaskForge.Api.Schema;

/// <summary>Settings of the TaskForge GraphQL API (section <c>GraphQL</c>).</summary>
public sealed class GraphQLApiOptions
{
    /// <summary>How long a mutation (or a query with X-Min-Event-Id) waits for the read models to reach its event.</summary>
    public TimeSpan ReadYourWritesTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether introspection is answered. Default: on in Development and with the embedded database, else off.</summary>
    public bool? Introspection { get; set; }

    public int MaxDepth { get; set; } = 12;

    public int MaxCost { get; set; } = 20_000;

    public int MaxAliases { get; set; } = 30;

    public int MaxRootFields { get; set; } = 20;

    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
