using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Tests.Support;

namespace TaskForge.Realtime.Tests.Fanout;

/// <summary>Bounded replay and bounded buffers: a subscriber too far behind, or too slow, is told to resync.</summary>
public sealed class LimitTests(SmallLimitsFixture fixture) : IClassFixture<SmallLimitsFixture>
{
    private TestLog Log => fixture.Log;

    [Fact]
    public async Task A_subscriber_further_behind_than_the_bound_is_told_to_resync()
    {
        var owner = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        var events = await Log.TaskEventsAsync(workspace, owner, SmallLimitsFixture.MaxReplay + 30);
        await fixture.CertifiedAsync(events[^1]);

        var far = new RecordingSink();
        var resync = Assert.IsType<SubscribeResult.ResyncRequired>(await SubscribeAsync(owner, far, events[0], workspace), exactMatch: false);
        Assert.Contains("too far behind", resync.Reason, StringComparison.Ordinal);
        Assert.Empty(far.Ids);

        var near = new RecordingSink();
        var result = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(owner, near, events[^11], workspace));
        Assert.Equal(events.TakeLast(10), near.Ids);
        await result.Subscription.DisposeAsync();
    }

    [Fact]
    public async Task A_subscriber_that_does_not_keep_up_is_told_to_resync_and_keeps_no_gap()
    {
        var owner = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        await fixture.CaughtUpAsync();
        var subscriptions = fixture.Fanout.SubscriptionCount;

        var slow = new RecordingSink();
        slow.Hold();
        var result = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(owner, slow, null, workspace));
        var events = await Log.TaskEventsAsync(workspace, owner, SmallLimitsFixture.Buffer * 5, perAppend: 10);

        await Eventually.TrueAsync(() => slow.EndedReason is not null, "the slow subscriber to be told");
        Assert.Equal(EndReasons.ResyncRequired, slow.EndedReason);
        Assert.True(slow.Ids.Count < events.Count);
        Assert.Equal(events.Take(slow.Ids.Count), slow.Ids);
        await Eventually.TrueAsync(() => fixture.Fanout.SubscriptionCount == subscriptions, "the subscription to be removed");
        await result.Subscription.DisposeAsync();
    }

    private Task<SubscribeResult> SubscribeAsync(Guid user, RecordingSink sink, long? after, Guid workspace) =>
        fixture.Fanout.SubscribeAsync(new SubscriptionRequest(user, TestLog.EmailOf(user), [Scope.Workspace(workspace)], after), sink, CancellationToken.None);
}
