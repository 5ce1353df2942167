using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace TaskForge.Bench.Realtime;

/// <summary>
/// Many SignalR client connections in this process (WebSockets, JSON protocol), recording for every <c>Event</c> the time
/// from its <c>occurredAt</c> (the command's clock, just before its append) to its receipt, while recording is on.
/// </summary>
internal sealed class Receivers : IEventClients
{
    private readonly ConcurrentBag<HubConnection> _connections = [];
    private readonly ConcurrentQueue<double> _latencies = new();
    private long _received;
    private long _receivedAtBegin;
    private volatile bool _recording;

    public int Count => _connections.Count;

    public long Received => Interlocked.Read(ref _received);

    public Task BeginAsync()
    {
        _latencies.Clear();
        _receivedAtBegin = Received;
        _recording = true;
        return Task.CompletedTask;
    }

    public Task<long> ReceivedAsync() => Task.FromResult(Received - _receivedAtBegin);

    public Task<IReadOnlyCollection<double>> EndAsync()
    {
        _recording = false;
        return Task.FromResult<IReadOnlyCollection<double>>([.. _latencies]);
    }

    /// <summary>Opens a connection and runs <paramref name="start"/> on it (subscribe, join a group).</summary>
    public async Task<HubConnection> ConnectAsync(Uri url, string? token, Func<HubConnection, Task> start)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (token is not null)
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.On<JsonElement>("Event", e =>
        {
            Interlocked.Increment(ref _received);
            if (_recording && e.TryGetProperty("occurredAt", out var at) && at.TryGetDateTimeOffset(out var occurredAt))
                _latencies.Enqueue((DateTimeOffset.UtcNow - occurredAt).TotalMilliseconds);
        });
        await connection.StartAsync();
        await start(connection);
        _connections.Add(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_connections, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, _) => await c.DisposeAsync());
        _connections.Clear();
    }
}
