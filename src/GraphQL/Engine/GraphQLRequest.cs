namespace TaskForge.GraphQL;

/// <summary>
/// One GraphQL request as a transport received it. Variable and extension values are JSON-like CLR values
/// (string, bool, long/int/double/decimal, null, IReadOnlyDictionary&lt;string, object?&gt;, IReadOnlyList&lt;object?&gt;)
/// or <see cref="System.Text.Json.JsonElement"/>; both are accepted.
/// </summary>
public sealed record GraphQLRequest(
    string? Query,
    string? OperationName = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    /// <summary>The GraphQL over HTTP persisted-document id (<c>sha256:&lt;hex&gt;</c>) sent instead of, or beside, <see cref="Query"/>.</summary>
    public string? DocumentId { get; init; }
}
