namespace TaskForge.GraphQL.WebSockets;

/// <summary>A host's answer to connection_init: accept (with the context every operation runs in) or refuse (4403).</summary>
public sealed class GraphQLWsConnectResult
{
    private GraphQLWsConnectResult(bool accepted, RequestContext? context, IReadOnlyDictionary<string, object?>? ackPayload)
    {
        IsAccepted = accepted;
        Context = context;
        AckPayload = ackPayload;
    }

    public bool IsAccepted { get; }

    /// <summary>The context of the connection's operations; null means the upgrade request's user and services.</summary>
    public RequestContext? Context { get; }

    /// <summary>The payload of connection_ack, if any.</summary>
    public IReadOnlyDictionary<string, object?>? AckPayload { get; }

    public static GraphQLWsConnectResult Accept(RequestContext? context = null, IReadOnlyDictionary<string, object?>? ackPayload = null) =>
        new(true, context, ackPayload);

    public static GraphQLWsConnectResult Reject() => new(false, null, null);
}
