using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Tests.Support;

namespace TaskForge.Realtime.Tests.Fanout;

/// <summary>Guarantee 5 on the fan-out: replay then live, exactly once and in order, whatever commits meanwhile.</summary>
public sealed class ResumeTests(RealtimeFixture fixture) : IClassFixture<RealtimeFixture>
{
    private TestLog Log => fixture.Log;

    [Fact]
    public async Task Replay_then_live_delivers_1000_events_exactly_once_in_order()
    {
        var owner = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        var before = await Log.TaskEventsAsync(workspace, owner, 600);
        var noise = await Log.TaskEventsAsync(await Log.CreateWorkspaceAsync(Guid.NewGuid()), Guid.NewGuid(), 50);
        await fixture.CertifiedAsync(noise[^1]);

        var sink = new RecordingSink();
        var result = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(owner, sink, before[99], Scope.Workspace(workspace)));
        Assert.Equal(500, result.Replayed);
        Assert.Equal(500, sink.EventsBeforeLive);
        Assert.True(result.LastEventId >= noise[^1]);

        var live = await Log.TaskEventsAsync(workspace, owner, 500, perAppend: 10);
        await sink.ReceivedAsync(live[^1]);
        Assert.Equal([.. before.Skip(100), .. live], sink.Ids);
        await result.Subscription.DisposeAsync();
    }

    [Fact]
    public async Task Events_committing_during_the_replay_arrive_once_in_order_without_a_gap()
    {
        var owner = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        var before = await Log.TaskEventsAsync(workspace, owner, 1000);
        await fixture.CertifiedAsync(before[^1]);

        var during = new List<long>();
        var firstBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                during.AddRange(await Log.AppendAsync(owner, [.. Enumerable.Range(0, 10).Select(n => TestLog.TaskCreated(workspace, n))]));
                firstBatch.TrySetResult();
            }
        });
        await firstBatch.Task;

        var sink = new RecordingSink();
        var result = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(owner, sink, before[0] - 1, Scope.Workspace(workspace)));
        await writer;
        await sink.ReceivedAsync(during[^1]);

        Assert.True(result.Replayed >= 1000, $"replayed {result.Replayed}");
        Assert.True(sink.EventsBeforeLive == result.Replayed);
        Assert.Equal([.. before, .. during], sink.Ids);
        await result.Subscription.DisposeAsync();
    }

    [Fact]
    public async Task A_late_commit_across_the_subscribe_is_delivered_before_the_later_events()
    {
        var owner = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        var before = await Log.TaskEventsAsync(workspace, owner, 10);
        await fixture.CertifiedAsync(before[^1]);

        var held = await Log.AppendHeldAsync(owner, TestLog.TaskCreated(workspace, 0));
        var later = await Log.TaskEventsAsync(workspace, owner, 20, perAppend: 5);
        Assert.True(held.Positions[0] < later[0]);

        var sink = new RecordingSink();
        var result = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(owner, sink, before[^1], Scope.Workspace(workspace)));
        // The mark waits for the open transaction: nothing after it is certified, so nothing is sent yet.
        Assert.True(result.LastEventId < held.Positions[0], $"subscribed at {result.LastEventId}, past the held {held.Positions[0]}");
        Assert.Empty(sink.Ids);

        await held.CommitAsync();
        await sink.ReceivedAsync(later[^1]);
        Assert.Equal([held.Positions[0], .. later], sink.Ids);
        await result.Subscription.DisposeAsync();
    }

    [Fact]
    public async Task A_subscriber_ahead_of_this_node_gets_nothing_twice()
    {
        var owner = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        var before = await Log.TaskEventsAsync(workspace, owner, 10);
        await fixture.CertifiedAsync(before[^1]);

        // As if another node had already sent up to a position this node's tailer has not published yet: the log has
        // handed the position out, this node has not reached it.
        await using var held = await Log.AppendHeldAsync(owner, [.. Enumerable.Range(0, 5).Select(i => TestLog.TaskCreated(workspace, i))]);
        var after = held.Positions[2];
        Assert.True(after > fixture.Fanout.Position);
        var sink = new RecordingSink();
        var result = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(owner, sink, after, Scope.Workspace(workspace)));
        Assert.Equal(after, result.LastEventId);

        await held.CommitAsync();
        var later = await Log.TaskEventsAsync(workspace, owner, 10, perAppend: 1);
        await sink.ReceivedAsync(later[^1]);
        Assert.Equal([held.Positions[3], held.Positions[4], .. later], sink.Ids);
        await result.Subscription.DisposeAsync();
    }

    [Fact]
    public async Task Bug_a_subscriber_ahead_of_the_log_itself_is_told_to_resync()
    {
        // A client that kept its last event ID across a database reset (or from another environment) would otherwise
        // be trusted, and get nothing until the log reached its ID.
        var owner = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        var events = await Log.TaskEventsAsync(workspace, owner, 3);
        await fixture.CertifiedAsync(events[^1]);
        var end = await fixture.LogEnd.ReadAsync();
        Assert.True(end >= events[^1]);

        var sink = new RecordingSink();
        var resync = Assert.IsType<SubscribeResult.ResyncRequired>(
            await SubscribeAsync(owner, sink, end + 1_000_000, Scope.Workspace(workspace)), exactMatch: false);
        Assert.Contains("ahead of the log", resync.Reason, StringComparison.Ordinal);
        Assert.Contains($"last event ID is {end}", resync.Reason, StringComparison.Ordinal);

        // Subscribed again from the event its refetched state reflects, it gets what follows.
        var again = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(owner, sink, events[^1], Scope.Workspace(workspace)));
        var next = await Log.TaskEventsAsync(workspace, owner, 2, perAppend: 1);
        await sink.ReceivedAsync(next[^1]);
        Assert.Equal(next, sink.Ids);
        await again.Subscription.DisposeAsync();
    }

    private Task<SubscribeResult> SubscribeAsync(Guid user, RecordingSink sink, long? after, params Scope[] scopes) =>
        fixture.Fanout.SubscribeAsync(new SubscriptionRequest(user, TestLog.EmailOf(user), scopes, after), sink, CancellationToken.None);
}
