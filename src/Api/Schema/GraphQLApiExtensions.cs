using System.Globalization;
using Microsoft.Extensions.Options;
using TaskForge.GraphQL;
using TaskForge.GraphQL.Http;
using TaskForge.Realtime.Fanout;
using TaskForge.Storage.EventLog;

namespace TaskForge.Api.Schema;

public static class GraphQLApiExtensions
{
    /// <summary>The header a query sends to read at least the state after an event (e.g. a mutation's eventId).</summary>
    public const string MinEventIdHeader = "X-Min-Event-Id";

    /// <summary>Registers the GraphQL API's services: the mutation runner, read-your-writes waiting and settings (section <c>GraphQL</c>).</summary>
    public static WebApplicationBuilder AddTaskForgeGraphQL(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<GraphQLApiOptions>(builder.Configuration.GetSection("GraphQL"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProjectionWaiter>();
        builder.Services.AddSingleton<MutationRunner>();
        builder.Services.AddSingleton(sp => CreateEngine(sp, builder.Environment, builder.Configuration));
        return builder;
    }

    /// <summary>Serves the API at /graphql: GraphQL over HTTP, graphql-transport-ws and graphql-sse.</summary>
    public static WebApplication MapTaskForgeGraphQL(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<GraphQLApiOptions>>().Value;
        app.UseWebSockets();
        app.MapGraphQL("/graphql", sp => sp.GetRequiredService<GraphQLEngine>(), endpoint =>
        {
            endpoint.Http.MaxRequestBodyBytes = options.MaxRequestBodyBytes;
            endpoint.Http.ContextFactory = CreateContextAsync;
            endpoint.WebSockets.OnConnect = Realtime.GraphQLWsAuthentication.ConnectAsync;
        });
        return app;
    }

    private static GraphQLEngine CreateEngine(IServiceProvider services, IWebHostEnvironment environment, IConfiguration configuration)
    {
        var options = services.GetRequiredService<IOptions<GraphQLApiOptions>>().Value;
        // Introspection helps developers (GraphiQL, codegen); production schemas are published by the checked-in SDL instead.
        var introspection = options.Introspection
            ?? (environment.IsDevelopment() || string.IsNullOrWhiteSpace(configuration.GetConnectionString("TaskForge")));
        return GraphQLEngine.Create(TaskForgeSchema.Build(services), new GraphQLEngineOptions
        {
            EnableIntrospection = introspection,
            MaxDepth = options.MaxDepth,
            MaxCost = options.MaxCost,
            MaxAliases = options.MaxAliases,
            MaxRootFields = options.MaxRootFields,
            ExecutionTimeout = options.ExecutionTimeout,
            Logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("TaskForge.Api.GraphQL"),
        });
    }

    /// <summary>The request's user and services; with X-Min-Event-Id, first waits (bounded) until every read model has that event.</summary>
    private static async ValueTask<RequestContext> CreateContextAsync(HttpContext http)
    {
        if (http.Request.Headers.TryGetValue(MinEventIdHeader, out var values))
        {
            if (!long.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var eventId))
            {
                throw new GraphQLRequestRejectedException(StatusCodes.Status400BadRequest, $"{MinEventIdHeader} must be an event id (digits).");
            }

            // An id beyond the log's end (kept from a database since reset, or from another environment) would make the
            // request wait its whole bound for an event that does not exist. An id the node's tailer has already passed is
            // in the log: only one beyond it costs the read of the log's end.
            var published = http.RequestServices.GetService<EventFanout>()?.Position ?? 0;
            if (eventId > published && await http.RequestServices.GetRequiredService<LogEnd>().ReadAsync(http.RequestAborted) is var end && eventId > end)
            {
                throw new GraphQLRequestRejectedException(StatusCodes.Status400BadRequest,
                    $"{MinEventIdHeader} {eventId} is beyond the log's last event id {end}: it comes from another database (reset or restored) or is not an event id.");
            }

            var waiter = http.RequestServices.GetRequiredService<ProjectionWaiter>();
            var timeout = http.RequestServices.GetRequiredService<IOptions<GraphQLApiOptions>>().Value.ReadYourWritesTimeout;
            await waiter.WaitAsync(eventId, ReadModelNames.All, timeout, http.RequestAborted);
        }

        return new RequestContext
        {
            User = http.User,
            Services = http.RequestServices,
            Items = new Dictionary<string, object?> { [Commands.RequestOrigin.ItemKey] = Commands.RequestOrigin.Of(http) },
        };
    }
}
