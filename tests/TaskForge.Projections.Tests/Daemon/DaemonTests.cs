using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Daemon;

public sealed class DaemonTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task Given_a_backlog_When_the_daemon_starts_Then_every_event_is_applied_once_in_batches()
    {
        var harness = new DaemonHarness(fixture.Store);
        var stream = "backlog-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 10; i++)
        {
            await TestLog.AppendAsync(fixture.Store, stream, 50);
        }

        var projection = new TallyProjection();
        await using var daemon = await harness.StartAsync([projection]);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, projection.Name);

        var seen = await TestLog.ColumnAsync<long>(fixture.Store.DataSource, $"SELECT position FROM {harness.Schema}.tally_seen ORDER BY position");
        Assert.Equal(await TestLog.PositionsAsync(fixture.Store), seen);
        var count = await TestLog.ColumnAsync<int>(fixture.Store.DataSource, $"SELECT events FROM {harness.Schema}.tally_streams WHERE stream_id = '{stream}'");
        Assert.Equal([500], count);
        Assert.True(projection.ApplyCalls <= 10, $"500 events took {projection.ApplyCalls} transactions; batches of up to 100 expected");
        var state = Assert.Single(await harness.Admin.ListAsync());
        Assert.Equal(("tally", 1, 0L, 0L), (state.Projection, state.ActiveGeneration, state.LagEvents, state.ParkedEvents));
        Assert.Equal(await TestLog.HeadAsync(fixture.Store), state.Checkpoint);
    }

    [Fact]
    public async Task Given_a_caught_up_daemon_When_single_events_arrive_Then_each_is_applied_promptly()
    {
        var harness = new DaemonHarness(fixture.Store);
        var projection = new TallyProjection();
        await using var daemon = await harness.StartAsync([projection]);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, projection.Name);

        var stream = "live-" + Guid.NewGuid().ToString("N");
        for (var i = 1; i <= 5; i++)
        {
            await TestLog.AppendAsync(fixture.Store, stream, 1);
            // The local append wakes the daemon at once; well under the store's 200 ms poll interval on this machine.
            await Projected.CaughtUpAsync(fixture.Store, harness.Admin, projection.Name);
            var count = await TestLog.ColumnAsync<int>(fixture.Store.DataSource, $"SELECT events FROM {harness.Schema}.tally_streams WHERE stream_id = '{stream}'");
            Assert.Equal([i], count);
        }
    }

    [Fact]
    public async Task Given_a_stopped_daemon_When_another_starts_Then_it_resumes_from_the_checkpoint_without_duplicates()
    {
        var harness = new DaemonHarness(fixture.Store);
        var stream = "resume-" + Guid.NewGuid().ToString("N");
        await TestLog.AppendAsync(fixture.Store, stream, 30);
        await using (var first = await harness.StartAsync([new TallyProjection()]))
        {
            await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");
        }

        await TestLog.AppendAsync(fixture.Store, stream, 20);
        await using var second = await harness.StartAsync([new TallyProjection()]);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");

        var count = await TestLog.ColumnAsync<int>(fixture.Store.DataSource, $"SELECT events FROM {harness.Schema}.tally_streams WHERE stream_id = '{stream}'");
        Assert.Equal([50], count);
        Assert.Empty(await harness.Admin.Parked.ListAsync("tally"));
    }

    [Fact]
    public async Task Given_readers_When_the_daemon_initializes_Then_the_views_exist_before_any_event_is_projected()
    {
        var harness = new DaemonHarness(fixture.Store);
        await using var daemon = new TaskForge.Projections.Daemon.ProjectionDaemon(fixture.Store, [new TallyProjection()], harness.Options());
        await daemon.InitializeAsync();

        var rows = await TestLog.ColumnAsync<long>(fixture.Store.DataSource, $"SELECT count(*) FROM {harness.Schema}.tally_streams");
        Assert.Equal([0L], rows);
    }
}
