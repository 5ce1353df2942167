namespace TaskForge.GraphQL.Tests.Transport;

/// <summary>graphql-transport-ws protocol rules, checked frame by frame with a bare WebSocket client.</summary>
public sealed class WebSocketProtocolTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task Init_is_acknowledged_with_the_hosts_payload()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync($$$"""{"type":"connection_init","payload":{"token":"{{{SampleServer.Token}}}"}}""");

        var ack = await client.ReceiveAsync();

        Assert.Equal("graphql-transport-ws", client.SubProtocol);
        Assert.Equal("connection_ack", ack?.GetProperty("type").GetString());
        Assert.Equal("taskforge", ack?.GetProperty("payload").GetProperty("server").GetString());
    }

    [Fact]
    public async Task Wrong_credentials_close_with_4403()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync("""{"type":"connection_init","payload":{"token":"wrong"}}""");

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Credentials_that_expire_close_the_connection_with_4403_at_their_expiry_while_a_subscription_runs()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync($$$"""{"type":"connection_init","payload":{"token":"{{{SampleServer.ShortLivedToken}}}"}}""");
        Assert.Equal("connection_ack", (await client.ReceiveAsync())?.GetProperty("type").GetString());
        await client.SendAsync("""{"id":"t","type":"subscribe","payload":{"query":"subscription { ticks(label: \"expiring\") }"}}""");
        Assert.Equal("next", (await client.ReceiveAsync())?.GetProperty("type").GetString());

        Assert.Equal((4403, "Forbidden: credentials expired"), await client.ReceiveCloseAsync());
        await server.WhenTicksStopped("expiring").WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task No_init_within_the_wait_timeout_closes_with_4408()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.StrictWebSocketUri);

        Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_before_ack_closes_with_4401()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ hello }"}}""");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Second_init_closes_with_4429()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        await client.SendAsync($$$"""{"type":"connection_init","payload":{"token":"{{{SampleServer.Token}}}"}}""");

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""")]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"variables":{}}}""")]
    [InlineData("""{"id":"1","type":"subscribe","payload":"{ hello }"}""")]
    public async Task Invalid_messages_close_with_4400(string message)
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        await client.SendAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();

        Assert.Equal(4400, code);
        Assert.StartsWith("Invalid message received", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_subscription_id_closes_with_4409()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        await client.SendAsync("""{"id":"dup","type":"subscribe","payload":{"query":"subscription { ticks }"}}""");
        await client.SendAsync("""{"id":"dup","type":"subscribe","payload":{"query":"subscription { ticks }"}}""");

        Assert.Equal((4409, "Subscriber for dup already exists"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Ping_gets_pong_with_the_same_payload()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync("""{"type":"ping","payload":{"n":1}}""");

        var pong = await client.ReceiveAsync();

        Assert.Equal("pong", pong?.GetProperty("type").GetString());
        Assert.Equal(1, pong?.GetProperty("payload").GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task Query_gets_next_then_complete_and_runs_in_the_connection_context()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        await client.SendAsync("""{"id":"q","type":"subscribe","payload":{"query":"{ hello whoami }"}}""");

        var next = await client.ReceiveAsync();
        var complete = await client.ReceiveAsync();

        Assert.Equal("next", next?.GetProperty("type").GetString());
        Assert.Equal("q", next?.GetProperty("id").GetString());
        Assert.Equal("ws-user", next?.GetProperty("payload").GetProperty("data").GetProperty("whoami").GetString());
        Assert.Equal("complete", complete?.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invalid_operation_gets_an_error_message_with_the_errors()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        await client.SendAsync("""{"id":"bad","type":"subscribe","payload":{"query":"subscription { nope }"}}""");

        var error = await client.ReceiveAsync();

        Assert.Equal("error", error?.GetProperty("type").GetString());
        Assert.Equal("bad", error?.GetProperty("id").GetString());
        Assert.Contains("nope", error?.GetProperty("payload")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_complete_stops_the_source_stream()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        await client.SendAsync("""{"id":"t","type":"subscribe","payload":{"query":"subscription { ticks(label: \"raw-complete\") }"}}""");
        var first = await client.ReceiveAsync();

        await client.SendAsync("""{"id":"t","type":"complete"}""");

        Assert.Equal(1, first?.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetInt32());
        await server.WhenTicksStopped("raw-complete").WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Client_without_the_subprotocol_is_closed_with_4406()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri, subprotocol: null);

        Assert.Equal((4406, "Subprotocol not acceptable"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Message_over_the_size_limit_closes_with_1009()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        var padding = new string(' ', (1 << 20) + 1);
        await client.SendAsync($$$"""{"id":"big","type":"subscribe","payload":{"query":"{ hello }{{{padding}}}"}}""");

        Assert.Equal(1009, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Client_vanishing_mid_subscription_stops_the_source_stream()
    {
        var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        await client.SendAsync("""{"id":"t","type":"subscribe","payload":{"query":"subscription { ticks(label: \"raw-abort\") }"}}""");
        Assert.Equal("next", (await client.ReceiveAsync())?.GetProperty("type").GetString());

        client.Abort();

        await server.WhenTicksStopped("raw-abort").WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Ticks_from_two_subscriptions_on_one_connection_are_told_apart_by_id()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        await client.SendAsync("""{"id":"a","type":"subscribe","payload":{"query":"subscription { countdown(from: 1) }"}}""");
        await client.SendAsync("""{"id":"b","type":"subscribe","payload":{"query":"subscription { countdown(from: 2) }"}}""");

        var messages = new List<(string Id, string Type)>();
        while (messages.Count(m => m.Type == "complete") < 2)
        {
            var message = (await client.ReceiveAsync())!.Value;
            messages.Add((message.GetProperty("id").GetString()!, message.GetProperty("type").GetString()!));
        }

        Assert.Equal(2, messages.Count(m => m is ("a", "next")));
        Assert.Equal(3, messages.Count(m => m is ("b", "next")));
        Assert.Equal(("a", "complete"), messages.Last(m => m.Id == "a"));
        Assert.Equal(("b", "complete"), messages.Last(m => m.Id == "b"));
    }

    [Fact]
    public async Task Operations_beyond_the_per_connection_limit_get_an_error_and_the_connection_stays_open()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        for (var i = 0; i < SampleServer.MaxOperationsPerConnection; i++)
        {
            await client.SendAsync($$$"""{"id":"t{{{i}}}","type":"subscribe","payload":{"query":"subscription { ticks }"}}""");
        }

        await client.SendAsync("""{"id":"one-too-many","type":"subscribe","payload":{"query":"subscription { ticks }"}}""");

        var error = await NextOfTypeAsync(client, "error");
        Assert.Equal("one-too-many", error.GetProperty("id").GetString());
        Assert.Equal("TOO_MANY_OPERATIONS", error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString());
        await client.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await NextOfTypeAsync(client, "pong")).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Host_connect_check_throwing_closes_with_4500()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.SendAsync("""{"type":"connection_init","payload":{"token":"explode"}}""");

        Assert.Equal((4500, "Internal server error"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Failing_source_stream_ends_its_operation_with_an_error_and_the_connection_goes_on()
    {
        await using var client = await RawWebSocketClient.ConnectAsync(server.WebSocketUri);
        await client.InitialiseAsync();
        await client.SendAsync("""{"id":"f","type":"subscribe","payload":{"query":"subscription { faulty }"}}""");

        var first = await client.ReceiveAsync();
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"id":"q","type":"subscribe","payload":{"query":"{ hello }"}}""");
        var next = await client.ReceiveAsync();

        Assert.Equal(1, first?.GetProperty("payload").GetProperty("data").GetProperty("faulty").GetInt32());
        Assert.Equal("error", error?.GetProperty("type").GetString());
        Assert.Equal("f", error?.GetProperty("id").GetString());
        Assert.Equal("Unexpected error.", error?.GetProperty("payload")[0].GetProperty("message").GetString());
        Assert.Equal("q", next?.GetProperty("id").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> NextOfTypeAsync(RawWebSocketClient client, string type)
    {
        while (true)
        {
            var message = await client.ReceiveAsync() ?? throw new InvalidOperationException($"closed while waiting for {type}");
            if (message.GetProperty("type").GetString() == type)
            {
                return message;
            }
        }
    }
}
