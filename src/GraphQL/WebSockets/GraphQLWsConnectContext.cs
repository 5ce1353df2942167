using Microsoft.AspNetCore.Http;

namespace TaskForge.GraphQL.WebSockets;

/// <summary>What a host sees of a connection_init: the upgrade request and the client's payload.</summary>
public sealed class GraphQLWsConnectContext(HttpContext httpContext, IReadOnlyDictionary<string, object?>? payload)
{
    /// <summary>The HTTP request that opened the socket (headers, cookies, user).</summary>
    public HttpContext HttpContext { get; } = httpContext;

    /// <summary>The connection_init payload (for instance an access token), or null when the client sent none.</summary>
    public IReadOnlyDictionary<string, object?>? Payload { get; } = payload;
}
