namespace TaskForge.GraphQL;

/// <summary>
/// Thrown by resolvers (or scalars) to report an error to the client as is: its message and
/// <see cref="Code"/> become the GraphQL error's message and <c>extensions.code</c>. Any other exception
/// thrown by a resolver is masked as "Unexpected error".
/// </summary>
public class GraphQLException : Exception
{
    public GraphQLException(string message, string? code = null, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        Extensions = extensions;
    }

    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GraphQLException()
        : this("GraphQL error")
    {
    }

    public string? Code { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The document node the error is about, when more precise than the field (e.g. an argument value).</summary>
    internal Language.SyntaxNode? Node { get; init; }

    internal IReadOnlyDictionary<string, object?>? BuildExtensions()
    {
        if (Code is null && Extensions is null)
        {
            return null;
        }

        var result = new Dictionary<string, object?>();
        if (Extensions is not null)
        {
            foreach (var pair in Extensions)
            {
                result[pair.Key] = pair.Value;
            }
        }

        if (Code is not null)
        {
            result["code"] = Code;
        }

        return result;
    }
}
