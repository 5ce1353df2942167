using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace TaskForge.GraphQL.Tests.Transport;

/// <summary>A bare WebSocket client for protocol tests: send JSON text, receive the next message or the close.</summary>
internal sealed class RawWebSocketClient : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();

    public static async Task<RawWebSocketClient> ConnectAsync(Uri uri, string? subprotocol = "graphql-transport-ws")
    {
        var client = new RawWebSocketClient();
        if (subprotocol is not null)
        {
            client._socket.Options.AddSubProtocol(subprotocol);
        }

        using var timeout = new CancellationTokenSource(Guard);
        await client._socket.ConnectAsync(uri, timeout.Token);
        return client;
    }

    public string? SubProtocol => _socket.SubProtocol;

    public async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(Guard);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next message, or null when the server closed (then see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Guard);
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                using var json = JsonDocument.Parse(buffer.ToArray());
                return json.RootElement.Clone();
            }
        }
    }

    /// <summary>Reads messages until the server closes; returns the close code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return ((int)_socket.CloseStatus!.Value, _socket.CloseStatusDescription);
    }

    public async Task InitialiseAsync(string token = SampleServer.Token)
    {
        await SendAsync($$$"""{"type":"connection_init","payload":{"token":"{{{token}}}"}}""");
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", ack?.GetProperty("type").GetString());
    }

    /// <summary>Drops the connection without a close handshake, as a crashed client or a lost network would.</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Guard);
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (WebSocketException)
            {
                // The server went away first.
            }
        }

        _socket.Dispose();
    }
}
