using System.Diagnostics;
using TaskForge.EventStore;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

public sealed class FailoverTests(EventStoreFixture fixture, ITestOutputHelper output) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task Given_two_daemons_When_the_leader_dies_Then_the_other_continues_from_the_checkpoint_with_no_gap_and_no_duplicate()
    {
        var harness = new DaemonHarness(fixture.Store, new TestOutputLogger(output));
        await using var sourceA = fixture.CreateDataSource(b => b.ApplicationName = "daemon-a");
        await using var sourceB = fixture.CreateDataSource(b => b.ApplicationName = "daemon-b");
        await using var storeA = new PostgresEventStore(sourceA, fixture.Store.Options);
        await using var storeB = new PostgresEventStore(sourceB, fixture.Store.Options);
        var daemonA = await harness.StartAsync([new TallyProjection()], on: storeA);
        await Projected.UntilAsync(async () => await Backends.AdvisoryLockHolderAsync(fixture.DataSource) == "daemon-a", "daemon A to lead");
        await using var daemonB = await harness.StartAsync([new TallyProjection()], on: storeB);

        using var stop = new CancellationTokenSource();
        var stream = "failover-" + Guid.NewGuid().ToString("N");
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await TestLog.AppendAsync(fixture.Store, stream, 3);
            }
        });
        await Projected.UntilAsync(async () => await harness.Admin.GetCheckpointAsync("tally") > 0, "daemon A to make progress");

        // Daemon A's process dies: its sessions end (releasing the lock) and it never comes back.
        var killed = Stopwatch.StartNew();
        var dying = daemonA.StopAsync();
        await Backends.TerminateApplicationAsync(fixture.DataSource, "daemon-a");
        await dying.WaitAsync(Projected.Timeout);
        await Projected.UntilAsync(async () => await Backends.AdvisoryLockHolderAsync(fixture.DataSource) == "daemon-b", "daemon B to take over");
        var takeover = killed.Elapsed;
        var checkpointAtTakeover = await harness.Admin.GetCheckpointAsync("tally");
        await Projected.UntilAsync(async () => await harness.Admin.GetCheckpointAsync("tally") > checkpointAtTakeover, "daemon B to make progress");
        await stop.CancelAsync();
        await writer.WaitAsync(Projected.Timeout);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");

        Assert.True(takeover < TimeSpan.FromSeconds(5), $"take-over took {takeover}");
        var seen = await TestLog.ColumnAsync<long>(fixture.Store.DataSource, $"SELECT position FROM {harness.Schema}.tally_seen ORDER BY position");
        Assert.Equal(await TestLog.PositionsAsync(fixture.Store), seen);
        var appended = await TestLog.ColumnAsync<long>(fixture.Store.DataSource, $"SELECT count(*) FROM {fixture.Store.Schema}.events WHERE stream_id = '{stream}'");
        var counted = await TestLog.ColumnAsync<int>(fixture.Store.DataSource, $"SELECT events FROM {harness.Schema}.tally_streams WHERE stream_id = '{stream}'");
        Assert.Equal(appended.Single(), counted.Single());
        Assert.Empty(await harness.Admin.Parked.ListAsync("tally"));
    }
}
