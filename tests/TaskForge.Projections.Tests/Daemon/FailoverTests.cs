using System.Diagnostics;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>Two nodes in HotCold mode on one database (ADR 0075): one runs the projection, the other takes over when it dies.</summary>
public sealed class FailoverTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Given_two_nodes_When_the_one_running_the_projection_dies_Then_the_other_continues_from_the_progression_with_no_gap_and_no_duplicate()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var nodeA = await scope.StartNodeAsync("node-a", [new TallyProjection()], output);
        await Projected.UntilAsync(async () => await Backends.LeaderOfAsync(scope.DataSource, scope.Schema, "tally_v1") == "node-a", "node A to run the projection");
        await using var nodeB = await scope.StartNodeAsync("node-b", [new TallyProjection()], output);

        using var stop = new CancellationTokenSource();
        var stream = "failover-" + Guid.NewGuid().ToString("N");
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                await TestLog.AppendAsync(scope.Store, stream, 3);
        });
        await Projected.UntilAsync(async () => await scope.ProgressionAsync("tally_v1") >= 30, "node A to make progress");
        Assert.Equal("node-a", await Backends.LeaderOfAsync(scope.DataSource, scope.Schema, "tally_v1"));

        var killed = Stopwatch.StartNew();
        await nodeA.KillAsync(scope.DataSource);
        var atKill = await scope.ProgressionAsync("tally_v1");
        await Projected.UntilAsync(async () => await Backends.LeaderOfAsync(scope.DataSource, scope.Schema, "tally_v1") == "node-b", "node B to take over");
        await Projected.UntilAsync(async () => await scope.ProgressionAsync("tally_v1") > atKill, "node B to make progress");
        var takeover = killed.Elapsed;
        await stop.CancelAsync();
        await writer.WaitAsync(Projected.Timeout);
        await scope.CaughtUpAsync("tally_v1");
        output.WriteLine($"take-over {takeover.TotalMilliseconds:F0} ms; progression {atKill} at the kill, head {await scope.HeadAsync()}");

        Assert.True(takeover < TimeSpan.FromSeconds(10), $"take-over took {takeover}");
        Assert.Equal(await TestLog.PositionsAsync(scope.DataSource, scope.Schema),
            await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen ORDER BY position"));
        Assert.Equal(await scope.ColumnAsync<long>($"SELECT count(*) FROM {scope.Schema}.mt_events WHERE stream_id = '{stream}'"),
            [.. (await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'")).Select(c => (long)c)]);
        Assert.Empty(await nodeB.Admin.DeadLettersAsync());
    }
}
