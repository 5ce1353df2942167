using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

public sealed class RebuildTests(EventStoreFixture fixture, ITestOutputHelper output) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task Given_events_arriving_When_rebuilding_Then_nothing_is_lost_and_reads_never_fail_at_the_switch()
    {
        var harness = new DaemonHarness(fixture.Store, new TestOutputLogger(output));
        var stream = "rebuild-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 30; i++)
        {
            await TestLog.AppendAsync(fixture.Store, stream, 100);
        }

        await using var daemon = await harness.StartAsync([new TallyProjection()]);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await TestLog.AppendAsync(fixture.Store, stream, 5);
            }
        });
        var readErrors = new List<Exception>();
        var reads = 0;
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await TestLog.ColumnAsync<int>(fixture.Store.DataSource, $"SELECT events FROM {harness.Schema}.tally_streams WHERE stream_id = '{stream}'");
                    reads++;
                }
                catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
                {
                    readErrors.Add(e);
                }
            }
        });

        Assert.True(await harness.Admin.RequestRebuildAsync("tally"));
        await Projected.UntilAsync(async () => await harness.Admin.GetGenerationsAsync("tally") is { Active: 2, Building: null }, "the switch to generation 2");
        await stop.CancelAsync();
        await Task.WhenAll(writer, reader);
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");

        Assert.Empty(readErrors);
        Assert.True(reads > 0);
        var seen = await TestLog.ColumnAsync<long>(fixture.Store.DataSource, $"SELECT position FROM {harness.Schema}.tally_seen ORDER BY position");
        Assert.Equal(await TestLog.PositionsAsync(fixture.Store), seen);
        Assert.Equal([2], await TestLog.ColumnAsync<int>(fixture.Store.DataSource, $"SELECT DISTINCT generation FROM {harness.Schema}.tally_seen"));
        var progress = await harness.Admin.GetRebuildProgressAsync("tally");
        Assert.NotNull(progress);
        Assert.True(progress.Finished);
        Assert.True(progress.Total >= 3000, $"total {progress.Total}");
        var oldTables = await TestLog.ColumnAsync<string>(fixture.Store.DataSource,
            $"SELECT tablename::text FROM pg_tables WHERE schemaname = '{harness.Schema}' AND tablename LIKE 'tally%_g1'");
        Assert.Empty(oldTables);
    }

    [Fact]
    public async Task Given_a_new_projection_version_When_deployed_Then_it_rebuilds_in_the_background_and_switches()
    {
        var harness = new DaemonHarness(fixture.Store, new TestOutputLogger(output));
        await TestLog.AppendAsync(fixture.Store, "version-" + Guid.NewGuid().ToString("N"), 50);
        await using (var v1 = await harness.StartAsync([new TallyProjection(version: 1)]))
        {
            await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");
        }

        await using var v2 = await harness.StartAsync([new TallyProjection(version: 2)]);
        await Projected.UntilAsync(async () => await harness.Admin.GetGenerationsAsync("tally") is { Active: 2, ActiveVersion: 2, Building: null }, "the switch");
        await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");

        var seen = await TestLog.ColumnAsync<long>(fixture.Store.DataSource, $"SELECT position FROM {harness.Schema}.tally_seen ORDER BY position");
        Assert.Equal(await TestLog.PositionsAsync(fixture.Store), seen);
    }

    [Fact]
    public async Task Given_a_newer_version_serving_When_an_old_node_starts_Then_it_neither_runs_nor_rebuilds_back()
    {
        var harness = new DaemonHarness(fixture.Store, new TestOutputLogger(output));
        await using (var v2 = await harness.StartAsync([new TallyProjection(version: 2)]))
        {
            await Projected.CaughtUpAsync(fixture.Store, harness.Admin, "tally");
        }

        var checkpoint = await harness.Admin.GetCheckpointAsync("tally");
        await TestLog.AppendAsync(fixture.Store, "old-node-" + Guid.NewGuid().ToString("N"), 5);
        var logger = new RecordingLogger<TaskForge.Projections.Daemon.ProjectionVersionOutdatedException>();
        await using var v1 = new TaskForge.Projections.Daemon.ProjectionDaemon(fixture.Store, [new TallyProjection(version: 1)], harness.Options(), logger);
        await v1.StartAsync();

        var refusal = await logger.Logged;
        Assert.Contains("version 2 in the database", refusal.Message, StringComparison.Ordinal);
        Assert.Equal((1, 2, (int?)null), await harness.Admin.GetGenerationsAsync("tally") is var g ? (g.Active, g.ActiveVersion, g.Building) : default);
        Assert.Equal(checkpoint, await harness.Admin.GetCheckpointAsync("tally"));
    }

    [Fact]
    public async Task Given_a_rebuild_running_When_another_is_requested_Then_it_is_refused()
    {
        var harness = new DaemonHarness(fixture.Store);
        await using var daemon = new TaskForge.Projections.Daemon.ProjectionDaemon(fixture.Store, [new TallyProjection()], harness.Options());
        await daemon.InitializeAsync();

        Assert.True(await harness.Admin.RequestRebuildAsync("tally"));
        Assert.Equal((1, true), await harness.Admin.GetGenerationsAsync("tally") is var g ? (g.Active, g.RebuildRequested) : default);
        Assert.False(await harness.Admin.RequestRebuildAsync("no-such-projection"));
    }
}
