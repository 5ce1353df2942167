using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Daemon;

public sealed class PoisonEventTests(EventStoreFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task Given_a_poison_event_in_a_batch_When_projected_Then_it_is_parked_with_its_error_and_the_rest_is_applied()
    {
        var harness = new DaemonHarness(fixture.Store, new TestOutputLogger(output));
        var projection = new TallyProjection();
        var stream = "poison-" + Guid.NewGuid().ToString("N");
        await TestLog.AppendAsync(fixture.Store, stream, 10);
        await TestLog.AppendAsync(fixture.Store, stream, 1, projection.PoisonMarker);
        await TestLog.AppendAsync(fixture.Store, stream, 10);

        await using var daemon = await harness.StartAsync([projection]);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");

        var parked = Assert.Single(await harness.Admin.Parked.ListAsync("tally"));
        Assert.Equal(stream, parked.StreamId);
        Assert.Equal(3, parked.Attempts);
        Assert.Contains("poison event at", parked.Error, StringComparison.Ordinal);
        var count = await TestLog.ColumnAsync<int>(fixture.Store.DataSource, $"SELECT events FROM {harness.Schema}.tally_streams WHERE stream_id = '{stream}'");
        Assert.Equal([20], count);
    }

    [Fact]
    public async Task Given_a_parked_event_When_replayed_after_a_fix_Then_it_is_applied_and_leaves_the_dead_letter_table()
    {
        var harness = new DaemonHarness(fixture.Store, new TestOutputLogger(output));
        var stream = "replay-" + Guid.NewGuid().ToString("N");
        var projection = new TallyProjection();
        await TestLog.AppendAsync(fixture.Store, stream, 1, projection.PoisonMarker);
        await using var daemon = await harness.StartAsync([projection]);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");
        var parked = Assert.Single(await harness.Admin.Parked.ListAsync("tally"));

        projection.PoisonThrows = false;
        Assert.True(await harness.Admin.Parked.RequestReplayAsync("tally", parked.Position));
        await Projected.UntilAsync(async () => (await harness.Admin.Parked.ListAsync("tally")).Count == 0, "the replay");

        var seen = await TestLog.ColumnAsync<long>(fixture.Store.DataSource, $"SELECT position FROM {harness.Schema}.tally_seen WHERE stream_id = '{stream}'");
        Assert.Equal([parked.Position], seen);
    }

    [Fact]
    public async Task Given_a_parked_event_that_still_fails_When_replayed_Then_it_stays_parked_with_one_more_attempt()
    {
        var harness = new DaemonHarness(fixture.Store, new TestOutputLogger(output));
        var projection = new TallyProjection();
        await TestLog.AppendAsync(fixture.Store, "again-" + Guid.NewGuid().ToString("N"), 1, projection.PoisonMarker);
        await using var daemon = await harness.StartAsync([projection]);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");
        var parked = Assert.Single(await harness.Admin.Parked.ListAsync("tally"));

        Assert.True(await harness.Admin.Parked.RequestReplayAsync("tally", parked.Position));
        await Projected.UntilAsync(async () => (await harness.Admin.Parked.ListAsync("tally")) is [{ ReplayRequested: false } p] && p.Attempts == 4, "the failed replay");
    }

    [Fact]
    public async Task Given_no_such_parked_event_When_a_replay_is_requested_Then_it_says_so()
    {
        var harness = new DaemonHarness(fixture.Store, new TestOutputLogger(output));
        await using var daemon = await harness.StartAsync([new TallyProjection()]);

        Assert.False(await harness.Admin.Parked.RequestReplayAsync("tally", 12345));
    }
}
