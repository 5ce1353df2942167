using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TaskForge.GraphQL.Http;
using TaskForge.GraphQL.ServerSentEvents;
using TaskForge.GraphQL.WebSockets;

namespace TaskForge.GraphQL;

/// <summary>Maps a GraphQL endpoint: GraphQL over HTTP, graphql-transport-ws and graphql-sse on one path.</summary>
public static class GraphQLEndpointExtensions
{
    /// <summary>
    /// Serves <paramref name="engine"/> at <paramref name="pattern"/>: GET and POST per the GraphQL over HTTP spec and,
    /// when the host calls <c>app.UseWebSockets()</c>, WebSocket upgrades speaking graphql-transport-ws; requests accepting
    /// <c>text/event-stream</c> (and PUT reservations) speak graphql-sse.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints, string pattern, GraphQLEngine engine, Action<GraphQLEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return endpoints.MapGraphQL(pattern, _ => engine, configure);
    }

    /// <summary>As the other overload, with the engine built once, on first use, from the application's services.</summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<IServiceProvider, GraphQLEngine> engineFactory,
        Action<GraphQLEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(engineFactory);
        var options = new GraphQLEndpointOptions();
        configure?.Invoke(options);
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("TaskForge.GraphQL") ?? NullLogger.Instance;
        var handlers = new Lazy<(GraphQLHttpHandler Http, GraphQLWebSocketHandler WebSockets, GraphQLSseHandler Sse)>(() =>
        {
            var engine = engineFactory(endpoints.ServiceProvider);
            return (new GraphQLHttpHandler(engine, options.Http, logger), new GraphQLWebSocketHandler(engine, options.WebSockets, logger),
                new GraphQLSseHandler(engine, options.Sse, options.Http, logger));
        });

        RequestDelegate handle = http =>
            http.WebSockets.IsWebSocketRequest && options.WebSockets.Enabled ? handlers.Value.WebSockets.HandleAsync(http)
            : handlers.Value.Sse.Serves(http) ? handlers.Value.Sse.HandleAsync(http)
            : handlers.Value.Http.HandleAsync(http);
        return endpoints.Map(pattern, handle);
    }
}
