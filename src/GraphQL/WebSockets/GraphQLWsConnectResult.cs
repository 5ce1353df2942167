namespace TaskForge.GraphQL.WebSockets;

/// <summary>
/// A host's answer to connection_init: accept (with the context every operation runs in, and when the credentials it
/// was accepted with stop being valid) or refuse (4403).
/// </summary>
public sealed class GraphQLWsConnectResult
{
    private GraphQLWsConnectResult(bool accepted, RequestContext? context, IReadOnlyDictionary<string, object?>? ackPayload, DateTimeOffset? expiresAt)
    {
        IsAccepted = accepted;
        Context = context;
        AckPayload = ackPayload;
        ExpiresAt = expiresAt;
    }

    public bool IsAccepted { get; }

    /// <summary>The context of the connection's operations; null means the upgrade request's user and services.</summary>
    public RequestContext? Context { get; }

    /// <summary>The payload of connection_ack, if any.</summary>
    public IReadOnlyDictionary<string, object?>? AckPayload { get; }

    /// <summary>
    /// When the connection's credentials expire (an access token's <c>exp</c>): the server then closes the socket with 4403
    /// "Forbidden: credentials expired", ending its operations, and a client reconnects with fresh ones. Null: never.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; }

    public static GraphQLWsConnectResult Accept(
        RequestContext? context = null, IReadOnlyDictionary<string, object?>? ackPayload = null, DateTimeOffset? expiresAt = null) =>
        new(true, context, ackPayload, expiresAt);

    public static GraphQLWsConnectResult Reject() => new(false, null, null, null);
}
