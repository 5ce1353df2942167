using MessagePack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TaskForge.Realtime.Hub.MessagePackProtocol;
using TaskForge.Realtime.Presence;

namespace TaskForge.Realtime.Hub;

public static class RealtimeEndpoints
{
    /// <summary>Where the hub is mapped.</summary>
    public const string HubPath = "/hubs/events";

    /// <summary>
    /// The fan-out (<see cref="RealtimeServices.AddTaskForgeRealtimeFanout"/>, settings from the <c>Realtime</c> section) and
    /// SignalR with the JSON protocol (and MessagePack for clients that ask for it), and presence; with <c>ConnectionStrings:Redis</c>, SignalR's Redis backplane and
    /// presence in Redis. Call after the storage, read models and authentication are added.
    /// </summary>
    public static WebApplicationBuilder AddTaskForgeRealtime(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<RealtimeOptions>(builder.Configuration.GetSection("Realtime"));
        services.AddTaskForgeRealtimeFanout();
        services.TryAddSingleton<IScopeParser, GuidScopeParser>();
        services.TryAddSingleton(TimeProvider.System);
        var signalR = services.AddSignalR(signalR =>
        {
            // Clients only send small calls (Subscribe, Unsubscribe): anything bigger is refused before it is parsed.
            signalR.MaximumReceiveMessageSize = builder.Configuration.GetValue<long?>("Realtime:MaxMessageBytes") ?? 16 * 1024;
            // A client that sends nothing (not even its pings, every 15 s by default) for this long is gone.
            signalR.ClientTimeoutInterval = builder.Configuration.GetValue<TimeSpan?>("Realtime:ClientTimeout") ?? TimeSpan.FromSeconds(60);
            signalR.KeepAliveInterval = TimeSpan.FromSeconds(15);
            signalR.HandshakeTimeout = TimeSpan.FromSeconds(10);
            signalR.MaximumParallelInvocationsPerClient = 1;
        }).AddJsonProtocol().AddMessagePackProtocol();
        // MessagePack (ADR 123) carries the JSON contract's members and names: contract types go through their JSON form,
        // with the JSON protocol's own serializer options.
        services.AddOptions<MessagePackHubProtocolOptions>().Configure<IOptions<JsonHubProtocolOptions>>((messagePack, json) =>
            messagePack.SerializerOptions = MessagePackSerializerOptions.Standard
                .WithResolver(new JsonBridgeResolver(json.Value.PayloadSerializerOptions))
                .WithSecurity(MessagePackSecurity.UntrustedData));
        services.TryAddSingleton<PresenceService>();
        services.AddHostedService<PresenceHeartbeat>();
        if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            // Group sends (presence, typing) reach every node's connections through Redis pub/sub; presence is kept there.
            signalR.AddStackExchangeRedis(redis, backplane =>
            {
                backplane.Configuration.AbortOnConnectFail = false;
                backplane.Configuration.ChannelPrefix = RedisChannel.Literal("taskforge-realtime");
            });
            services.TryAddSingleton<IConnectionMultiplexer>(_ =>
            {
                var configuration = ConfigurationOptions.Parse(redis);
                configuration.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(configuration);
            });
            services.TryAddSingleton<IPresenceStore, RedisPresenceStore>();
        }
        else
        {
            services.TryAddSingleton<IPresenceStore, InProcessPresenceStore>();
        }

        return builder;
    }

    /// <summary>
    /// Maps the hub at <see cref="HubPath"/>, refusing a handshake whose <c>Origin</c> is neither this host nor one of
    /// <c>Cors:Origins</c> (non-browser clients send none and are let through; the token is what authenticates them).
    /// </summary>
    public static WebApplication MapTaskForgeRealtime(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var origins = new HashSet<string>(app.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [], StringComparer.OrdinalIgnoreCase);
        app.UseWhen(context => context.Request.Path.StartsWithSegments(HubPath), branch => branch.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !origins.Contains(origin) && !IsSameOrigin(origin, context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        }));
        app.MapHub<EventsHub>(HubPath, hub =>
        {
            hub.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;
            hub.ApplicationMaxBufferSize = 64 * 1024;
            hub.TransportMaxBufferSize = 64 * 1024;
        });
        return app;
    }

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
