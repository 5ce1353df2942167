using System.Net.WebSockets;

namespace TaskForge.GraphQL.WebSockets;

/// <summary>Output of a connection: one send at a time, and one close with a protocol close code.</summary>
internal sealed partial class GraphQLWsSession
{
    private async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken operationToken)
    {
        await _sendLock.WaitAsync(_sessionCts.Token);
        try
        {
            if (Volatile.Read(ref _closing) == 0 && !operationToken.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _sessionCts.Token);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes with a protocol close code once; the receive loop then waits for the client's close frame.</summary>
    private async Task CloseAsync(int code, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        await SendCloseAsync((WebSocketCloseStatus)code, reason);
        _sessionCts.CancelAfter(options.CloseHandshakeTimeout);
    }

    private async Task SendCloseAsync(WebSocketCloseStatus status, string reason)
    {
        await _sendLock.WaitAsync(CancellationToken.None);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason, _sessionCts.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client is already gone.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
