using System.Net;
using System.Net.Sockets;

namespace TaskForge.Testing;

/// <summary>
/// A TCP proxy in front of PostgreSQL that can cut a connection at a chosen moment: after the server answered
/// the next request (the commit happened, the acknowledgement is lost) or before the request reaches the server.
/// </summary>
public sealed class CuttingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _cut;
    private byte[] _marker = [];

    public CuttingProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Drop the server's next answer and close the connection.</summary>
    public void CutNextResponse() => Volatile.Write(ref _cut, (int)Cut.Response);

    /// <summary>
    /// Drop the first server answer that contains <paramref name="marker"/> (e.g. the COMMIT's CommandComplete) and
    /// close the connection: the server did the work, the client never hears of it.
    /// </summary>
    public void CutResponseContaining(string marker)
    {
        _marker = System.Text.Encoding.ASCII.GetBytes(marker);
        Volatile.Write(ref _cut, (int)Cut.ResponseWithMarker);
    }

    /// <summary>Drop the client's next request and close the connection.</summary>
    public void CutNextRequest() => Volatile.Write(ref _cut, (int)Cut.Request);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            _ = PumpAsync(client, server, Cut.Request);
            _ = PumpAsync(server, client, Cut.Response);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to, Cut cutsHere)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.GetStream().ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    break;
                }

                if (Interlocked.CompareExchange(ref _cut, (int)Cut.None, (int)cutsHere) == (int)cutsHere)
                {
                    break;
                }

                if (cutsHere == Cut.Response && Volatile.Read(ref _cut) == (int)Cut.ResponseWithMarker
                    && buffer.AsSpan(0, read).IndexOf(_marker) >= 0
                    && Interlocked.CompareExchange(ref _cut, (int)Cut.None, (int)Cut.ResponseWithMarker) == (int)Cut.ResponseWithMarker)
                {
                    break;
                }

                await to.GetStream().WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // One side went away: close both.
        }

        from.Close();
        to.Close();
    }

    private enum Cut
    {
        None,
        Request,
        Response,
        ResponseWithMarker,
    }
}
