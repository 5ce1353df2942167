using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TaskForge.GraphQL.WebSockets;

/// <summary>
/// Accepts WebSocket upgrades that ask for the graphql-transport-ws subprotocol and runs a session on each;
/// a client that does not ask for it is closed with 4406.
/// </summary>
internal sealed class GraphQLWebSocketHandler(GraphQLEngine engine, GraphQLWebSocketOptions options, ILogger logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var speaksProtocol = http.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWsMessageTypes.Subprotocol, StringComparer.Ordinal);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(speaksProtocol ? GraphQLWsMessageTypes.Subprotocol : null);
        if (!speaksProtocol)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            timeout.CancelAfter(options.CloseHandshakeTimeout);
            try
            {
                await socket.CloseAsync((WebSocketCloseStatus)GraphQLWsCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // The client did not answer the close handshake.
            }

            return;
        }

        using var session = new GraphQLWsSession(socket, http, engine, options, logger);
        await session.RunAsync();
    }
}
