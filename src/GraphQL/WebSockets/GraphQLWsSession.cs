using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TaskForge.GraphQL.WebSockets;

/// <summary>
/// One graphql-transport-ws connection: the receive loop, connection_init within the wait timeout, ping/pong,
/// and the operations (see the Operations part). Sends are serialized; every protocol violation closes the
/// socket with the protocol's close code, and the loop then waits for the client's close frame.
/// </summary>
internal sealed partial class GraphQLWsSession(
    WebSocket socket, HttpContext http, GraphQLEngine engine, GraphQLWebSocketOptions options, ILogger logger) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _sessionCts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    private readonly ConcurrentDictionary<string, RunningOperation> _operations = new(StringComparer.Ordinal);
    private int _initReceived;
    private volatile bool _acknowledged;
    private int _closing;
    private RequestContext? _context;
    private Task _expiry = Task.CompletedTask;

    /// <summary>The close reason when the host's <see cref="GraphQLWsConnectResult.ExpiresAt"/> passes.</summary>
    public const string ExpiredReason = "Forbidden: credentials expired";

    public async Task RunAsync()
    {
        var initTimeout = CloseIfNotInitialisedAsync(_sessionCts.Token);
        try
        {
            await ReceiveLoopAsync(_sessionCts.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client disconnected, or the close handshake timed out.
        }
        catch (Exception e)
        {
            logger.LogError(e, "GraphQL WebSocket connection failed {TraceId}", http.TraceIdentifier);
            await CloseAsync(GraphQLWsCloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            await _sessionCts.CancelAsync();
            await StopOperationsAsync();
            await initTimeout;
            await _expiry;
        }
    }

    public void Dispose()
    {
        _sessionCts.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            buffer.ResetWrittenCount();
            var frame = await ReceiveMessageAsync(buffer, cancellationToken);
            switch (frame)
            {
                case ReceivedFrame.Close:
                    if (Interlocked.Exchange(ref _closing, 1) == 0)
                    {
                        await SendCloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty);
                    }

                    return;
                case ReceivedFrame.TooBig:
                    await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "Message too big");
                    break;
                case ReceivedFrame.Binary:
                    await CloseAsync(GraphQLWsCloseCodes.BadRequest, "Invalid message received: binary frames are not supported.");
                    break;
                case ReceivedFrame.Text when Volatile.Read(ref _closing) == 0:
                    await HandleMessageAsync(buffer.WrittenMemory);
                    break;
            }
        }
    }

    private async Task<ReceivedFrame> ReceiveMessageAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        var tooBig = false;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return ReceivedFrame.Close;
            }

            if (!tooBig)
            {
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > options.MaxMessageBytes)
                {
                    tooBig = true;
                }
            }

            if (tooBig)
            {
                buffer.ResetWrittenCount();
            }

            if (result.EndOfMessage)
            {
                return tooBig ? ReceivedFrame.TooBig
                    : result.MessageType == WebSocketMessageType.Binary ? ReceivedFrame.Binary
                    : ReceivedFrame.Text;
            }
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> frame)
    {
        var message = GraphQLWsIncomingMessage.TryParse(frame, out var error);
        if (message is null)
        {
            await CloseAsync(GraphQLWsCloseCodes.BadRequest, error);
            return;
        }

        switch (message.Type)
        {
            case GraphQLWsMessageTypes.ConnectionInit:
                await InitialiseAsync(message);
                break;
            case GraphQLWsMessageTypes.Ping:
                await SendAsync(GraphQLWsMessageWriter.Pong(message.Payload), CancellationToken.None);
                break;
            case GraphQLWsMessageTypes.Pong:
                break;
            case GraphQLWsMessageTypes.Subscribe:
                await SubscribeAsync(message);
                break;
            case GraphQLWsMessageTypes.Complete:
                await CompleteAsync(message);
                break;
            default:
                await CloseAsync(GraphQLWsCloseCodes.BadRequest, $"Invalid message received: unknown type '{message.Type}'.");
                break;
        }
    }

    private async Task InitialiseAsync(GraphQLWsIncomingMessage message)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            await CloseAsync(GraphQLWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        var decision = await options.OnConnect(new GraphQLWsConnectContext(http, message.Payload), _sessionCts.Token);
        if (!decision.IsAccepted)
        {
            await CloseAsync(GraphQLWsCloseCodes.Forbidden, "Forbidden");
            return;
        }

        _context = decision.Context ?? new RequestContext { Services = http.RequestServices, User = http.User };
        if (decision.ExpiresAt is { } expiresAt)
        {
            _expiry = CloseAtExpiryAsync(expiresAt, _sessionCts.Token);
        }

        _acknowledged = true;
        await SendAsync(GraphQLWsMessageWriter.ConnectionAck(decision.AckPayload), CancellationToken.None);
    }

    private async Task CloseAtExpiryAsync(DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var left = expiresAt - DateTimeOffset.UtcNow;
        try
        {
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await CloseAsync(GraphQLWsCloseCodes.Forbidden, ExpiredReason);
    }

    private async Task CloseIfNotInitialisedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.ConnectionInitWaitTimeout, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref _initReceived) == 0)
        {
            await CloseAsync(GraphQLWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private enum ReceivedFrame
    {
        Text,
        Binary,
        Close,
        TooBig,
    }
}
