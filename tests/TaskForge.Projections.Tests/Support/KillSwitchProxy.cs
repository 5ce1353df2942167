using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TaskForge.Projections.Tests.Support;

/// <summary>
/// A TCP proxy in front of PostgreSQL for one simulated process. <see cref="Kill"/> is that process dying: every
/// connection closes at once (PostgreSQL ends the sessions and rolls back what they had open) and no new one gets
/// through, so the process's code, still running in the test, can no longer touch the database.
/// </summary>
public sealed class KillSwitchProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly Task _accepting;

    public KillSwitchProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool Killed => _stop.IsCancellationRequested;

    public void Kill()
    {
        if (Killed)
            return;
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _open.Keys)
            client.Close();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var server = new TcpClient();
                try
                {
                    await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                    client.Close();
                    server.Close();
                    continue;
                }

                _open[client] = 0;
                _open[server] = 0;
                _ = PumpAsync(client, server);
                _ = PumpAsync(server, client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Killed.
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.GetStream().ReadAsync(buffer, _stop.Token);
                if (read == 0)
                    break;
                await to.GetStream().WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // One side went away, or the process died: close both.
        }

        from.Close();
        to.Close();
        _open.TryRemove(from, out _);
        _open.TryRemove(to, out _);
    }
}
