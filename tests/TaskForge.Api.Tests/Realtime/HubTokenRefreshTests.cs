using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.IdentityModel.Tokens;
using TaskForge.Api.Schema;
using TaskForge.Api.Tests.Accounts;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>
/// A connected client hands the hub a fresh access token before its own expires (<c>RefreshToken</c>, ADR 0138), and the
/// connection lives on, subscriptions, presence and all; a token that is refused, or another user's, changes nothing.
/// </summary>
public sealed class HubTokenRefreshTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_connection_given_a_fresh_token_outlives_its_first_one_and_keeps_receiving()
    {
        var owner = await fixture.SignUpAsync("owner");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var userId = GlobalId.TryParse(owner.UserId)![0];
        var expires = DateTimeOffset.UtcNow.AddSeconds(5);
        await using var client = await HubClient.ConnectAsync(fixture.Factory.Server, TestTokens.Hs(fixture.SigningKey, SecurityAlgorithms.HmacSha256, userId, expires));
        await client.SubscribeAsync([$"workspace:{workspace}"], null);

        var longer = DateTimeOffset.UtcNow.AddMinutes(10);
        var refreshed = await client.Connection.InvokeAsync<JsonElement>("RefreshToken", new { accessToken = TestTokens.Hs(fixture.SigningKey, SecurityAlgorithms.HmacSha256, userId, longer) });
        await Task.Delay(expires - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3));

        Assert.Equal(longer.ToUnixTimeSeconds(), refreshed.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
        var after = ApiSeed.EventId(await ApiSeed.TaskAsync(owner, project, "after the first token expired"));
        await client.UntilAsync(c => c.Ids.Contains(after), "an event after the first token's expiry");
    }

    [Fact]
    public async Task A_refused_token_or_another_users_leaves_the_connection_to_close_at_its_own_expiry()
    {
        var owner = await fixture.SignUpAsync("owner");
        var stranger = await fixture.SignUpAsync("stranger");
        var userId = GlobalId.TryParse(owner.UserId)![0];
        var strangerId = GlobalId.TryParse(stranger.UserId)![0];
        var expires = DateTimeOffset.UtcNow.AddSeconds(6);
        await using var client = await HubClient.ConnectAsync(fixture.Factory.Server, TestTokens.Hs(fixture.SigningKey, SecurityAlgorithms.HmacSha256, userId, expires));
        var later = DateTimeOffset.UtcNow.AddMinutes(10);

        async Task<string> RefusedAsync(object argument) =>
            HubClient.ErrorOf(await Assert.ThrowsAsync<HubException>(() => client.Connection.InvokeAsync<JsonElement>("RefreshToken", argument)));

        var expired = await RefusedAsync(new { accessToken = TestTokens.Hs(fixture.SigningKey, SecurityAlgorithms.HmacSha256, userId, DateTimeOffset.UtcNow.AddMinutes(-5)) });
        var wrongKey = await RefusedAsync(new { accessToken = TestTokens.Hs(new byte[64], SecurityAlgorithms.HmacSha256, userId, later) });
        var unsigned = await RefusedAsync(new { accessToken = TestTokens.Unsigned(userId) });
        var others = await RefusedAsync(new { accessToken = TestTokens.Hs(fixture.SigningKey, SecurityAlgorithms.HmacSha256, strangerId, later) });
        var missing = await RefusedAsync(new { });
        var notAString = await RefusedAsync(new { accessToken = 42 });

        Assert.Equal("UNAUTHENTICATED: the access token has expired", expired);
        Assert.Equal("UNAUTHENTICATED: bad signature", wrongKey);
        Assert.StartsWith("UNAUTHENTICATED: ", unsigned, StringComparison.Ordinal);
        Assert.StartsWith("FORBIDDEN: ", others, StringComparison.Ordinal);
        Assert.Equal("VALIDATION: accessToken is required", missing);
        Assert.StartsWith("VALIDATION: ", notAString, StringComparison.Ordinal);
        Assert.Contains("accessToken", notAString, StringComparison.Ordinal);
        await client.ClosedWithinAsync(Bound, "the server to close the connection at its own token's expiry");
        Assert.True(DateTimeOffset.UtcNow >= expires.AddSeconds(-1.5), "closed before its token expired");
    }

    [Fact]
    public async Task An_older_token_does_not_bring_the_close_forward()
    {
        var owner = await fixture.SignUpAsync("owner");
        var userId = GlobalId.TryParse(owner.UserId)![0];
        var expires = DateTimeOffset.UtcNow.AddMinutes(10);
        await using var client = await HubClient.ConnectAsync(fixture.Factory.Server, TestTokens.Hs(fixture.SigningKey, SecurityAlgorithms.HmacSha256, userId, expires));

        var refreshed = await client.Connection.InvokeAsync<JsonElement>("RefreshToken",
            new { accessToken = TestTokens.Hs(fixture.SigningKey, SecurityAlgorithms.HmacSha256, userId, DateTimeOffset.UtcNow.AddSeconds(4)) });
        await Task.Delay(TimeSpan.FromSeconds(6));

        Assert.Equal(expires.ToUnixTimeSeconds(), refreshed.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
    }

    [Fact]
    public async Task After_a_rename_the_fresh_token_given_to_the_hub_carries_the_new_name_into_presence()
    {
        using var owner = await fixture.SignUpAsync("olive");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        await using var client = await HubClient.ConnectAsync(fixture.Factory.Server, owner.AccessToken!);
        var before = await client.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"project:{project}" });
        (await owner.MutateAsync("""mutation { updateProfile(input: { name: "Olive Renamed" }) { errors { code } } }""")).Payload("updateProfile");
        var fresh = (await owner.MutateAsync("""
            mutation($e: String!) { login(input: { email: $e, password: "correct horse battery staple" }) { accessToken errors { code } } }
            """, new { e = owner.Email })).Payload("login").GetProperty("accessToken").GetString();

        await client.Connection.InvokeAsync<JsonElement>("RefreshToken", new { accessToken = fresh });
        await client.Connection.InvokeAsync("LeavePresence", new { scope = $"project:{project}" });
        var after = await client.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"project:{project}" });

        Assert.Equal("olive", before.GetProperty("members")[0].GetProperty("displayName").GetString());
        Assert.Equal("Olive Renamed", after.GetProperty("members")[0].GetProperty("displayName").GetString());
    }
}
