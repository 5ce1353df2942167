using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TaskForge.Api.Schema;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Api.Tests.Realtime.Support;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>
/// A graphql-ws client that stops reading while events keep coming: its subscription's bounded buffers fill, and it is
/// told to resync (a terminal ENDED resync-required) instead of the server holding an ever larger backlog for it.
/// </summary>
public sealed class GraphQLWsSlowClientTests(GraphQLWsSlowClientTests.Host api) : IClassFixture<GraphQLWsSlowClientTests.Host>
{
    /// <summary>A real port for a raw WebSocket client, and small buffers.</summary>
    public sealed class Host : ApiHostFixture
    {
        protected override bool ListensOnRealPort => true;

        public Uri Url => GraphQLUri ?? throw new InvalidOperationException("Not initialised.");

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Realtime:MaxReplayEvents"] = "100",
            // Above the tailer's page (500 events published at once), so that only a reader that stops overflows it.
            ["Realtime:SubscriptionBufferCapacity"] = "600",
        };
    }

    [Fact]
    public async Task A_graphql_ws_client_that_stops_reading_gets_the_events_in_order_then_ENDED_resync_required()
    {
        var owner = await api.SignUpAsync("gql-ws-slow");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        // A small receive buffer, so that the kernel's buffers fill soon after the client stops reading.
        socket.Options.SetBuffer(4096, 4096);
        await socket.ConnectAsync(new UriBuilder(api.Url) { Scheme = "ws" }.Uri, CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = "Bearer " + owner.AccessToken } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        await SendAsync(socket, new
        {
            id = "slow",
            type = "subscribe",
            payload = new
            {
                query = "subscription($s: [String!]!) { events(scopes: $s) { kind lastEventId reason event { id type data } } }",
                variables = new { s = new[] { $"workspace:{workspace}" } },
            },
        });
        while (Kind(await ReceiveAsync(socket)) != "LIVE")
        {
        }

        // The client reads nothing while 8,000 events of about 8 KB each come (about 64 MB: more than the sockets' buffers hold).
        var ids = GlobalId.TryParse(workspace)!;
        var positions = await Log.LargeTasksCreatedAsync(ids[0], GlobalId.TryParse(project)![1], GlobalId.TryParse(owner.UserId!)![0], 8_000, 8_000, 100);
        var fanout = api.Factory.Services.GetRequiredService<EventFanout>();
        await Until.TrueAsync(() => fanout.Position >= positions[^1], "the tailer to publish every event", TimeSpan.FromSeconds(60));

        var received = new List<long>();
        JsonElement message;
        while ((message = await ReceiveAsync(socket)).GetProperty("type").GetString() == "next" && Kind(message) == "EVENT")
            received.Add(long.Parse(message.GetProperty("payload").GetProperty("data").GetProperty("events").GetProperty("event").GetProperty("id").GetString()!, CultureInfo.InvariantCulture));

        Assert.Equal(("next", "ENDED"), (message.GetProperty("type").GetString(), Kind(message)));
        Assert.Equal("resync-required", message.GetProperty("payload").GetProperty("data").GetProperty("events").GetProperty("reason").GetString());
        Assert.Equal("complete", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        // What was sent is a gapless, ordered prefix of what happened: nothing skipped, nothing twice; the rest is a resync.
        Assert.InRange(received.Count, 1, positions.Count - 1);
        Assert.Equal(positions.Take(received.Count), received);
    }

    private RealtimeLog Log => new(api.Factory.Services.GetRequiredService<IDocumentStore>(), api.Factory.Services.GetRequiredService<NpgsqlDataSource>());

    private static string? Kind(JsonElement message) =>
        message.TryGetProperty("payload", out var payload) && payload.TryGetProperty("data", out var data)
            ? data.GetProperty("events").GetProperty("kind").GetString()
            : null;

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(chunk, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);

        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
        return json.RootElement.Clone();
    }
}
