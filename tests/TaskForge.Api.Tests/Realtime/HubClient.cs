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
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("Event", e => _events.Enqueue(e));
        connection.On<JsonElement>("Live", e => _live.Enqueue(e));
        connection.On<JsonElement>("SubscriptionEnded", e => _ended.Enqueue(e));
        connection.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Completes (with the error, if any) when the connection closes; it never reconnects by itself.</summary>
    public Task<Exception?> Closed => _closed.Task;

    public IReadOnlyList<JsonElement> Events => [.. _events];

    /// <summary>The received events' ids, parsed from their strings of digits.</summary>
    public IReadOnlyList<long> Ids => [.. _events.Select(e => long.Parse(e.GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture))];

    public IReadOnlyList<JsonElement> Live => [.. _live];

    public IReadOnlyList<JsonElement> Ended => [.. _ended];

    /// <summary>
    /// Connects with the token in the <c>access_token</c> query parameter, as browsers must for WebSockets, sending
    /// <paramref name="origin"/> as the handshake's <c>Origin</c> header when given (as a browser would).
    /// </summary>
    public static async Task<HubClient> ConnectAsync(TestServer server, string accessToken, string? origin = null)
    {
        var connection = Builder(server, accessToken, origin).Build();
        var client = new HubClient(connection);
        try
        {
            await connection.StartAsync();
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return client;
    }

    /// <summary>
    /// A connection to the test server's hub over WebSockets, the token in the <c>access_token</c> query parameter (as
    /// browsers must send it) and <paramref name="origin"/> as the handshake's <c>Origin</c> header when given; JSON
    /// unless the caller adds another protocol.
    /// </summary>
    public static IHubConnectionBuilder Builder(TestServer server, string accessToken, string? origin = null) =>
        new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/events"), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.WebSocketFactory = async (context, cancellationToken) =>
            {
                var uri = new UriBuilder(context.Uri) { Query = $"access_token={Uri.EscapeDataString(accessToken)}" }.Uri;
                var client = server.CreateWebSocketClient();
                if (origin is not null)
                    client.ConfigureRequest = request => request.Headers.Origin = origin;
                return await client.ConnectAsync(uri, cancellationToken);
            };
        });

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

    /// <summary>Waits (at most <paramref name="timeout"/>) for the connection to close; returns its error.</summary>
    public async Task<Exception?> ClosedWithinAsync(TimeSpan timeout, string what)
    {
        try
        {
            return await Closed.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {timeout} waiting for {what}; the connection is {Connection.State}.");
        }
    }

    /// <summary>
    /// The hub's own error text: SignalR sends a HubException's message after its own words
    /// ("An unexpected error occurred invoking 'Subscribe' on the server. HubException: "), so the code starts what follows.
    /// </summary>
    public static string ErrorOf(Microsoft.AspNetCore.SignalR.HubException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        const string Marker = "HubException: ";
        var at = exception.Message.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? exception.Message : exception.Message[(at + Marker.Length)..];
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
