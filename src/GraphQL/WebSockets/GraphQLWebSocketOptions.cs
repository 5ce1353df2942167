namespace TaskForge.GraphQL.WebSockets;

/// <summary>Options of the graphql-transport-ws endpoint.</summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>Whether the endpoint accepts WebSocket upgrades at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a client has to send connection_init before the socket closes with 4408. Default 3 s.</summary>
    public TimeSpan ConnectionInitWaitTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The largest message accepted, in bytes; a larger one closes the socket with 1009. Default 1 MiB.</summary>
    public int MaxMessageBytes { get; set; } = 1 << 20;

    /// <summary>
    /// How many operations one connection may run at once; a subscribe beyond it gets an <c>error</c> message
    /// (code TOO_MANY_OPERATIONS) and the connection stays open. Default 100.
    /// </summary>
    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>How long to wait for the client's close frame after the server closed. Default 5 s.</summary>
    public TimeSpan CloseHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Decides on connection_init, for instance by checking a token in the payload. Refusing closes the socket with
    /// 4403; throwing closes it with 4500. Default: accept with the upgrade request's user and services.
    /// </summary>
    public Func<GraphQLWsConnectContext, CancellationToken, ValueTask<GraphQLWsConnectResult>> OnConnect { get; set; } =
        (_, _) => ValueTask.FromResult(GraphQLWsConnectResult.Accept());
}
