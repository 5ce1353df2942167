namespace TaskForge.GraphQL.Http;

/// <summary>A request the transport refuses before GraphQL sees it: an HTTP status and a message for the client.</summary>
internal sealed record HttpRequestError(int StatusCode, string Message, string? Allow = null);
