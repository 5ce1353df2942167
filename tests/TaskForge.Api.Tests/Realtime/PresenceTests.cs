using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Realtime;

namespace TaskForge.Api.Tests.Realtime;

/// <summary>Presence and typing in one process (no Redis: the embedded default), over the whole host's hub.</summary>
public sealed class PresenceTests(PresenceTests.Host fixture) : IClassFixture<PresenceTests.Host>
{
    /// <summary>The host with a short typing timeout, so that an expiry is quick to see.</summary>
    public sealed class Host : ApiHostFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Realtime:TypingTimeout"] = "00:00:02" };
    }

    [Fact]
    public async Task Members_viewing_a_board_see_each_other_come_type_and_go_and_nothing_is_written_to_the_log()
    {
        var owner = await fixture.SignUpAsync("Olive");
        var member = await fixture.SignUpAsync("Milo");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        await ApiSeed.JoinAsync(owner, workspace, member);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var task = (await ApiSeed.TaskAsync(owner, project, "Discussed")).GetProperty("task").GetProperty("id").GetString()!;
        var logBefore = await LogPositionAsync();

        await using var olive = await Watcher.ConnectAsync(fixture, owner);
        var alone = await olive.Hub.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"project:{project}" });
        Assert.Equal(["Olive"], Names(alone));
        var scope = alone.GetProperty("scope").GetString()!;
        Assert.StartsWith("project:", scope, StringComparison.Ordinal);

        await using var milo = await Watcher.ConnectAsync(fixture, member);
        var both = await milo.Hub.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"project:{project}" });
        Assert.Equal(["Olive", "Milo"], Names(both));
        await olive.UntilPresenceAsync(m => Names(m).SequenceEqual(["Olive", "Milo"]), "Milo to appear to Olive");

        await olive.Hub.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"task:{task}" });
        await milo.Hub.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"task:{task}" });
        await milo.Hub.Connection.InvokeAsync("Typing", new { taskId = task, typing = true });
        var typing = await olive.UntilTypingAsync(t => t.GetProperty("typing").GetBoolean(), "Milo typing");
        Assert.Equal("Milo", typing.GetProperty("displayName").GetString());
        Assert.Empty(milo.Typing);

        // Milo drops mid-sentence: he stops typing and leaves the board and the task.
        await milo.DisposeAsync();
        await olive.UntilTypingAsync(t => !t.GetProperty("typing").GetBoolean(), "Milo to stop typing");
        await olive.UntilPresenceAsync(m => m.GetProperty("scope").GetString() == scope && Names(m).SequenceEqual(["Olive"]), "Milo to leave the board");
        Assert.Equal(logBefore, await LogPositionAsync());
    }

    [Fact]
    public async Task A_stranger_may_not_join_presence_or_type_and_a_bad_scope_is_a_validation_error()
    {
        var owner = await fixture.SignUpAsync("owner");
        var stranger = await fixture.SignUpAsync("stranger");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var task = (await ApiSeed.TaskAsync(owner, project, "Private")).GetProperty("task").GetProperty("id").GetString()!;
        await using var watcher = await Watcher.ConnectAsync(fixture, stranger);

        var refused = await Assert.ThrowsAsync<HubException>(() => watcher.Hub.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"project:{project}" }));
        Assert.StartsWith("NOT_FOUND", HubClient.ErrorOf(refused), StringComparison.Ordinal);
        var typing = await Assert.ThrowsAsync<HubException>(() => watcher.Hub.Connection.InvokeAsync("Typing", new { taskId = task, typing = true }));
        Assert.StartsWith("NOT_FOUND", HubClient.ErrorOf(typing), StringComparison.Ordinal);
        var bad = await Assert.ThrowsAsync<HubException>(() => watcher.Hub.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"workspace:{workspace}" }));
        Assert.StartsWith("VALIDATION", HubClient.ErrorOf(bad), StringComparison.Ordinal);
    }

    private static List<string> Names(JsonElement presence) =>
        [.. presence.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()!)];

    private async Task<long> LogPositionAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("select coalesce(max(seq_id), 0) from taskforge.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Typing_that_is_not_said_again_ends_after_the_typing_timeout_and_saying_it_again_keeps_it()
    {
        var owner = await fixture.SignUpAsync("Tess");
        var member = await fixture.SignUpAsync("Rufus");
        var workspace = await ApiSeed.WorkspaceAsync(owner);
        await ApiSeed.JoinAsync(owner, workspace, member);
        var project = await ApiSeed.ProjectAsync(owner, workspace);
        var task = (await ApiSeed.TaskAsync(owner, project, "Long comment")).GetProperty("task").GetProperty("id").GetString()!;
        await using var tess = await Watcher.ConnectAsync(fixture, owner);
        await using var rufus = await Watcher.ConnectAsync(fixture, member);
        await tess.Hub.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"task:{task}" });
        await rufus.Hub.Connection.InvokeAsync<JsonElement>("JoinPresence", new { scope = $"task:{task}" });
        var timeout = fixture.Factory.Services.GetRequiredService<IOptions<RealtimeOptions>>().Value.TypingTimeout;

        var started = DateTimeOffset.UtcNow;
        await rufus.Hub.Connection.InvokeAsync("Typing", new { taskId = task, typing = true });
        await tess.UntilTypingAsync(t => t.GetProperty("typing").GetBoolean(), "Rufus typing");
        // Said again before the timeout: still typing past the first timeout.
        await Task.Delay(timeout / 2);
        await rufus.Hub.Connection.InvokeAsync("Typing", new { taskId = task, typing = true });
        var stopped = await tess.UntilTypingAsync(t => !t.GetProperty("typing").GetBoolean(), "Rufus's typing to expire");
        var ended = DateTimeOffset.UtcNow;

        Assert.Equal("Rufus", stopped.GetProperty("displayName").GetString());
        Assert.True(ended - started >= timeout * 1.4, $"typing ended {(ended - started).TotalSeconds:F1} s after it began, though it was said again halfway");
        Assert.Single(tess.Typing, t => !t.GetProperty("typing").GetBoolean());
        // The connection is still there and present: only the indicator ended.
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, rufus.Hub.Connection.State);
    }

    /// <summary>A hub client that records the PresenceChanged and TypingChanged messages it is sent.</summary>
    private sealed class Watcher : IAsyncDisposable
    {
        private readonly ConcurrentQueue<JsonElement> _presence = new();
        private readonly ConcurrentQueue<JsonElement> _typing = new();

        private Watcher(HubClient hub)
        {
            Hub = hub;
            hub.Connection.On<JsonElement>("PresenceChanged", m => _presence.Enqueue(m));
            hub.Connection.On<JsonElement>("TypingChanged", m => _typing.Enqueue(m));
        }

        public HubClient Hub { get; }

        public IReadOnlyList<JsonElement> Typing => [.. _typing];

        public static async Task<Watcher> ConnectAsync(ApiHostFixture fixture, GraphQLClient user) =>
            new(await HubClient.ConnectAsync(fixture.Factory.Server, user.AccessToken!));

        public async Task<JsonElement> UntilPresenceAsync(Func<JsonElement, bool> match, string what)
        {
            await Until.TrueAsync(() => _presence.Any(match), what, describe: () => string.Join('\n', _presence.Select(p => p.GetRawText())));
            return _presence.Last(match);
        }

        public async Task<JsonElement> UntilTypingAsync(Func<JsonElement, bool> match, string what)
        {
            await Until.TrueAsync(() => _typing.Any(match), what, describe: () => string.Join('\n', _typing.Select(p => p.GetRawText())));
            return _typing.Last(match);
        }

        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }
}
