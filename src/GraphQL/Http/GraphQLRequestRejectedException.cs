namespace TaskForge.GraphQL.Http;

/// <summary>
/// Thrown by a host's context factory to refuse a request before it runs (for instance 401 without credentials,
/// 403 without permission). The transport answers with the status code and the message as a GraphQL error.
/// </summary>
public sealed class GraphQLRequestRejectedException : Exception
{
    public GraphQLRequestRejectedException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public GraphQLRequestRejectedException()
        : this(403, "Forbidden.")
    {
    }

    public GraphQLRequestRejectedException(string message)
        : this(403, message)
    {
    }

    public GraphQLRequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 403;
    }

    public int StatusCode { get; }
}
