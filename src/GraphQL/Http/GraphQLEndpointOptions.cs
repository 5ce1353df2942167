using TaskForge.GraphQL.WebSockets;

namespace TaskForge.GraphQL.Http;

/// <summary>Options of an endpoint mapped with <see cref="GraphQLEndpointExtensions.MapGraphQL(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string, GraphQLEngine, Action{GraphQLEndpointOptions}?)"/>.</summary>
public sealed class GraphQLEndpointOptions
{
    /// <summary>GraphQL over HTTP: body size limit, GET, the request context factory.</summary>
    public GraphQLHttpOptions Http { get; } = new();

    /// <summary>graphql-transport-ws on the same path: init timeout, connection_init callback.</summary>
    public GraphQLWebSocketOptions WebSockets { get; } = new();

    /// <summary>graphql-sse on the same path: distinct and single connection modes, keep-alive, reservation limits.</summary>
    public ServerSentEvents.GraphQLSseOptions Sse { get; } = new();
}
