using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.Tokens;
using TaskForge.Api.Schema;
using TaskForge.Api.Tests.Accounts;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>
/// The hub's limits over the whole host: the 16 KiB message limit, the subscribe rate limit and the cap on subscriptions per
/// connection, the close at the token's expiry, and SubscriptionEnded when the user is removed from the workspace.
/// </summary>
public sealed class HubHardeningTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_message_over_16_KiB_closes_its_connection_and_the_hub_keeps_serving_others()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var server = fixture.Factory.Server;
        await using var bystander = await HubClient.ConnectAsync(server, owner.AccessToken!);
        await using var sender = await HubClient.ConnectAsync(server, owner.AccessToken!);

        // Just under the limit the message is read (and refused as a bad scope), and the connection stays.
        var under = await Assert.ThrowsAsync<HubException>(() => sender.SubscribeAsync([new string('x', 15_000)], null));
        Assert.StartsWith("VALIDATION", HubClient.ErrorOf(under), StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, sender.Connection.State);

        // Over it (about 20,000 bytes against Realtime:MaxMessageBytes 16,384) the server refuses it unread and closes.
        await Assert.ThrowsAnyAsync<Exception>(() => sender.SubscribeAsync([new string('x', 20_000)], null));
        await sender.ClosedWithinAsync(Bound, "the server to close the connection that sent too big a message");
        Assert.Equal(HubConnectionState.Disconnected, sender.Connection.State);

        Assert.Equal(HubConnectionState.Connected, bystander.Connection.State);
        var subscribed = await bystander.SubscribeAsync([$"workspace:{workspace}"], null);
        Assert.False(string.IsNullOrEmpty(subscribed.GetProperty("subscriptionId").GetString()));
        await using var newcomer = await HubClient.ConnectAsync(server, owner.AccessToken!);
        Assert.False(string.IsNullOrEmpty((await newcomer.SubscribeAsync([$"workspace:{workspace}"], null)).GetProperty("subscriptionId").GetString()));
    }

    [Theory]
    [InlineData("""{ "scopes": ["me"], "after": "abc" }""", "after must be the last event id you hold")]
    [InlineData("""{ "scopes": ["me"], "after": "-5" }""", "after must be the last event id you hold")]
    [InlineData("""{ "scopes": ["me"], "after": 99999999999999999999999 }""", "after must be the last event id you hold")]
    [InlineData("""{ "scopes": ["me"], "after": 12.5 }""", "after must be the last event id you hold")]
    [InlineData("""{ "scopes": ["me"], "after": true }""", "after must be the last event id you hold")]
    [InlineData("""{ "scopes": "me", "after": null }""", "scopes must be a list of strings")]
    [InlineData("""{ "scopes": [42], "after": null }""", "'42' is not a scope")]
    [InlineData("\"text\"", "the argument must be an object { scopes, after }")]
    [InlineData("null", "the argument must be an object { scopes, after }")]
    public async Task A_subscribe_with_a_malformed_argument_gets_a_VALIDATION_error_that_names_it_and_the_connection_stays(string argument, string expected)
    {
        var owner = await fixture.SignUpAsync("owner");
        await using var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!);

        var refused = await Assert.ThrowsAsync<HubException>(() =>
            client.Connection.InvokeAsync<System.Text.Json.JsonElement>("Subscribe", System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement?>(argument)));

        Assert.StartsWith("VALIDATION: " + expected, HubClient.ErrorOf(refused), StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
        Assert.False(string.IsNullOrEmpty((await client.SubscribeAsync(["me"], "0")).GetProperty("subscriptionId").GetString()));
    }

    [Theory]
    [InlineData("JoinPresence", """{ "scope": 5 }""", "scope must be a string")]
    [InlineData("JoinPresence", "null", "the argument must be an object { scope }")]
    [InlineData("Typing", """{ "taskId": "x", "typing": "yes" }""", "typing must be true or false")]
    [InlineData("Typing", "[]", "the argument must be an object { taskId, typing }")]
    public async Task A_presence_call_with_a_malformed_argument_gets_a_VALIDATION_error_that_names_it(string method, string argument, string expected)
    {
        var owner = await fixture.SignUpAsync("owner");
        await using var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!);

        var refused = await Assert.ThrowsAsync<HubException>(() =>
            client.Connection.InvokeAsync(method, System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement?>(argument)));

        Assert.StartsWith("VALIDATION: " + expected, HubClient.ErrorOf(refused), StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    [Fact]
    public async Task The_eleventh_subscribe_within_10_seconds_on_one_connection_is_RATE_LIMITED_and_other_connections_are_not()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var server = fixture.Factory.Server;
        var started = Stopwatch.GetTimestamp();
        await using var client = await HubClient.ConnectAsync(server, owner.AccessToken!);
        for (var i = 0; i < 10; i++)
        {
            // Unsubscribing each keeps the cap on open subscriptions out of the way: it is the subscribes that are counted.
            var subscribed = await client.SubscribeAsync([$"workspace:{workspace}"], null);
            await client.Connection.InvokeAsync("Unsubscribe", subscribed.GetProperty("subscriptionId").GetString());
        }

        var limited = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync([$"workspace:{workspace}"], null));
        // The limiter's window is 10 s from the connection's start: this test only means something if it stayed within it.
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "the subscribes took longer than the window");
        Assert.StartsWith("RATE_LIMITED", HubClient.ErrorOf(limited), StringComparison.Ordinal);
        // On the wire SignalR puts its own words first: the code starts the HubException's part.
        Assert.Contains("HubException: RATE_LIMITED", limited.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);

        await using var other = await HubClient.ConnectAsync(server, owner.AccessToken!);
        Assert.False(string.IsNullOrEmpty((await other.SubscribeAsync([$"workspace:{workspace}"], null)).GetProperty("subscriptionId").GetString()));
    }

    [Fact]
    public async Task A_ninth_subscription_on_one_connection_is_refused_until_one_is_unsubscribed()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        await using var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!);
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
            ids.Add((await client.SubscribeAsync([$"workspace:{workspace}"], null)).GetProperty("subscriptionId").GetString()!);
        Assert.Equal(8, ids.Distinct().Count());

        var refused = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync(["me"], null));
        Assert.StartsWith("VALIDATION", HubClient.ErrorOf(refused), StringComparison.Ordinal);
        Assert.Contains("8 subscriptions", refused.Message, StringComparison.Ordinal);

        await client.Connection.InvokeAsync("Unsubscribe", ids[0]);
        Assert.False(string.IsNullOrEmpty((await client.SubscribeAsync(["me"], null)).GetProperty("subscriptionId").GetString()));
    }

    [Fact]
    public async Task The_server_closes_a_connection_when_its_access_token_expires()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var userId = GlobalId.TryParse(owner.UserId)![0];
        var server = fixture.Factory.Server;
        var expires = DateTimeOffset.UtcNow.AddSeconds(6);
        var shortLived = TestTokens.Hs(fixture.SigningKey, SecurityAlgorithms.HmacSha256, userId, expires);

        await using var other = await HubClient.ConnectAsync(server, owner.AccessToken!);
        await using var client = await HubClient.ConnectAsync(server, shortLived);
        var subscribed = await client.SubscribeAsync([$"workspace:{workspace}"], null);
        Assert.False(string.IsNullOrEmpty(subscribed.GetProperty("subscriptionId").GetString()));

        await client.ClosedWithinAsync(Bound, "the server to close the connection at its token's expiry");
        // The token's exp is whole seconds: the close comes at it, not at the connect.
        var closedAt = DateTimeOffset.UtcNow;
        Assert.True(closedAt >= expires.AddSeconds(-1.5), $"closed at {closedAt:O}, before the token expired at {expires:O}");
        Assert.Equal(HubConnectionState.Disconnected, client.Connection.State);
        // The connection with a token that has not expired stays.
        Assert.Equal(HubConnectionState.Connected, other.Connection.State);
        Assert.False(string.IsNullOrEmpty((await other.SubscribeAsync([$"workspace:{workspace}"], null)).GetProperty("subscriptionId").GetString()));
    }

    [Fact]
    public async Task A_member_removed_through_removeMember_gets_SubscriptionEnded_membership_lost_and_no_later_events()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var member = await fixture.SignUpAsync("member");
        await ApiSeed.JoinAsync(owner, workspace, member);
        var server = fixture.Factory.Server;

        await using var watcher = await HubClient.ConnectAsync(server, owner.AccessToken!);
        await watcher.SubscribeAsync([$"workspace:{workspace}"], null);
        await using var client = await HubClient.ConnectAsync(server, member.AccessToken!);
        var subscriptionId = (await client.SubscribeAsync([$"workspace:{workspace}"], null)).GetProperty("subscriptionId").GetString();
        await client.UntilAsync(c => c.Live.Count == 1, "Live");
        var before = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "before the removal"));
        await client.UntilAsync(c => c.Ids.Contains(before), "the event before the removal");

        var removal = ApiSeed.EventId((await owner.MutateAsync(
            "mutation($ws: ID!, $user: ID!) { removeMember(input: { workspaceId: $ws, userId: $user }) { eventId errors { code message } } }",
            new { ws = workspace, user = member.UserId })).Payload("removeMember"));
        Assert.True(removal > before);

        await client.UntilAsync(c => c.Ended.Count > 0, "SubscriptionEnded");
        var ended = Assert.Single(client.Ended);
        Assert.Equal(subscriptionId, ended.GetProperty("subscriptionId").GetString());
        Assert.Equal("membership-lost", ended.GetProperty("reason").GetString());

        // The owner's subscription goes on; the removed member gets nothing from the removal on.
        var after = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "after the removal"));
        await watcher.UntilAsync(c => c.Ids.Contains(after), "the owner's event after the removal");
        Assert.DoesNotContain(client.Ids, id => id >= removal);
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
        var refused = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync([$"workspace:{workspace}"], null));
        Assert.StartsWith("NOT_FOUND", HubClient.ErrorOf(refused), StringComparison.Ordinal);
    }
}
