using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>A .NET SignalR client of /hubs/events over the test server's WebSockets, recording what it is sent.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonElement> _events = new();
    private readonly ConcurrentQueue<JsonElement> _live = new();
    private readonly ConcurrentQueue<JsonElement> _ended = new();

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("Event", e => _events.Enqueue(e));
        connection.On<JsonElement>("Live", e => _live.Enqueue(e));
        connection.On<JsonElement>("SubscriptionEnded", e => _ended.Enqueue(e));
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<JsonElement> Events => [.. _events];

    /// <summary>The received events' ids, parsed from their strings of digits.</summary>
    public IReadOnlyList<long> Ids => [.. _events.Select(e => long.Parse(e.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture))];

    public IReadOnlyList<JsonElement> Live => [.. _live];

    public IReadOnlyList<JsonElement> Ended => [.. _ended];

    /// <summary>Connects with the token in the <c>access_token</c> query parameter, as browsers must for WebSockets.</summary>
    public static async Task<HubClient> ConnectAsync(TestServer server, string accessToken)
    {
        var url = new Uri(server.BaseAddress, "/hubs/events");
        var connection = new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var uri = new UriBuilder(context.Uri) { Query = $"access_token={Uri.EscapeDataString(accessToken)}" }.Uri;
                    return await server.CreateWebSocketClient().ConnectAsync(uri, cancellationToken);
                };
            })
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<JsonElement> SubscribeAsync(string[] scopes, string? after) =>
        Connection.InvokeAsync<JsonElement>("Subscribe", new { scopes, after });

    public async Task UntilAsync(Func<HubClient, bool> condition, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition(this))
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"Timed out waiting for {what}; have {_events.Count} events.");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
