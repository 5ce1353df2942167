using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskForge.GraphQL.Http;
using TaskForge.GraphQL.WebSockets;

namespace TaskForge.GraphQL.Tests.Transport;

/// <summary>
/// A Kestrel server of the engine on 127.0.0.1 and a free port: GraphQL over HTTP and graphql-transport-ws at
/// /graphql, with the sample schema. WebSocket clients must send connection_init with {"token": "let-me-in"};
/// HTTP requests with the header X-Deny are refused with 403, with X-Explode the host's context factory throws;
/// the WebSocket token "explode" makes the host's connect check throw. /graphql-strict is the same with short limits
/// (init wait and execution timeout), for the tests of those limits; /graphql has generous ones so that a loaded
/// machine does not trip them. /graphql takes batches of up to <see cref="MaxBatchSize"/> operations; /graphql-strict none.
/// </summary>
public sealed class SampleServer : IAsyncLifetime
{
    public const string Token = "let-me-in";

    /// <summary>Accepted with credentials that expire half a second after connection_init.</summary>
    public const string ShortLivedToken = "let-me-in-briefly";

    public const int MaxRequestBodyBytes = 64 * 1024;
    public const int MaxOperationsPerConnection = 3;
    public const int MaxBatchSize = 5;
    public static readonly TimeSpan StrictTimeout = TimeSpan.FromMilliseconds(300);

    private readonly SampleSchema _schema = new();
    private WebApplication? _app;

    public Uri HttpUri { get; private set; } = null!;

    public Uri WebSocketUri { get; private set; } = null!;

    public Uri StrictHttpUri { get; private set; } = null!;

    public Uri StrictWebSocketUri { get; private set; } = null!;

    /// <summary>Completes when the ticks subscription with this label has had its source stream stopped.</summary>
    public Task WhenTicksStopped(string label) => _schema.WhenTicksStopped(label);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.UseWebSockets();
        _app.MapGraphQL("/graphql", _schema.CreateEngine(), options =>
        {
            Configure(options, TimeSpan.FromSeconds(30));
            options.Http.MaxBatchSize = MaxBatchSize;
        });
        _app.MapGraphQL("/graphql-strict", _schema.CreateEngine(StrictTimeout), options => Configure(options, StrictTimeout));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        HttpUri = new Uri(address.TrimEnd('/') + "/graphql");
        WebSocketUri = new UriBuilder(HttpUri) { Scheme = "ws" }.Uri;
        StrictHttpUri = new Uri(address.TrimEnd('/') + "/graphql-strict");
        StrictWebSocketUri = new UriBuilder(StrictHttpUri) { Scheme = "ws" }.Uri;
    }

    private static void Configure(GraphQLEndpointOptions options, TimeSpan initTimeout)
    {
        options.Http.MaxRequestBodyBytes = MaxRequestBodyBytes;
        options.Http.ContextFactory = http =>
            http.Request.Headers.ContainsKey("X-Deny") ? throw new GraphQLRequestRejectedException(403, "Requests with X-Deny are refused.")
            : http.Request.Headers.ContainsKey("X-Explode") ? throw new InvalidOperationException("secret detail")
            : ValueTask.FromResult(new RequestContext { User = http.User });
        options.WebSockets.ConnectionInitWaitTimeout = initTimeout;
        options.Sse.KeepAliveInterval = initTimeout;
        options.WebSockets.MaxOperationsPerConnection = MaxOperationsPerConnection;
        options.WebSockets.OnConnect = (connect, _) => ValueTask.FromResult(
            connect.Payload?.GetValueOrDefault("token") as string == "explode"
                ? throw new InvalidOperationException("The host's connection check failed.")
                : connect.Payload?.GetValueOrDefault("token") as string == ShortLivedToken
                ? GraphQLWsConnectResult.Accept(new RequestContext { Items = { ["user"] = "ws-user" } }, null, DateTimeOffset.UtcNow.AddMilliseconds(500))
                : connect.Payload?.GetValueOrDefault("token") as string == Token
                ? GraphQLWsConnectResult.Accept(
                    new RequestContext { Items = { ["user"] = "ws-user" } },
                    new Dictionary<string, object?> { ["server"] = "taskforge" })
                : GraphQLWsConnectResult.Reject());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
