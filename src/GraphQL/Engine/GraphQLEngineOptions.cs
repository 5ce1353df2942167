using Microsoft.Extensions.Logging;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL;

/// <summary>Limits and switches of an engine. A null limit means "no limit".</summary>
public sealed record GraphQLEngineOptions
{
    public ParserOptions Parser { get; init; } = ParserOptions.Default;

    /// <summary>Parsed and validated documents kept by query text (least recently used are evicted).</summary>
    public int DocumentCacheSize { get; init; } = 1000;

    /// <summary>Operations sent by hash: automatic persisted queries (on by default) or trusted documents; null refuses hashes.</summary>
    public Persisted.PersistedOperationOptions? PersistedOperations { get; init; } = new();

    public bool EnableIntrospection { get; init; } = true;

    /// <summary>Deepest field nesting allowed (introspection fields are not counted).</summary>
    public int? MaxDepth { get; init; } = 15;

    /// <summary>Highest estimated cost allowed; see docs/adr for the cost model.</summary>
    public int? MaxCost { get; init; } = 10_000;

    public int? MaxAliases { get; init; } = 50;

    public int? MaxRootFields { get; init; } = 30;

    public TimeSpan? ExecutionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Assumed size of a list field without a <c>first</c>/<c>last</c> argument, for the cost analysis.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>Cost of a composite (object, interface, union) field without an explicit weight; leaf fields cost 0 unless weighted.</summary>
    public int DefaultFieldCost { get; init; } = 1;

    /// <summary>Where masked resolver errors are logged.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>The value root fields receive as their source.</summary>
    public object? RootValue { get; init; }
}
