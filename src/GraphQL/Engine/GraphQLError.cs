namespace TaskForge.GraphQL;

/// <summary>An error as the GraphQL response format describes it.</summary>
public sealed class GraphQLError
{
    public GraphQLError(
        string message,
        IReadOnlyList<SourceLocation>? locations = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations is { Count: > 0 } ? locations : null;
        Path = path;
        Extensions = extensions is { Count: > 0 } ? extensions : null;
    }

    public string Message { get; }

    public IReadOnlyList<SourceLocation>? Locations { get; }

    /// <summary>Response keys (string) and list indices (int) from the root to the failed field.</summary>
    public IReadOnlyList<object>? Path { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The value of <c>extensions.code</c>, when there is one.</summary>
    public string? Code => Extensions is not null && Extensions.TryGetValue("code", out var code) ? code as string : null;

    public override string ToString() => Message;

    internal static GraphQLError WithCode(string message, string code, IReadOnlyList<SourceLocation>? locations = null) =>
        new(message, locations, null, new Dictionary<string, object?> { ["code"] = code });
}
