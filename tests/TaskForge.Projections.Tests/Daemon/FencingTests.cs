using JasperFx.Events.Daemon;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>
/// Two runners of one shard at once (here two nodes misconfigured as Solo, so neither takes a lock; in HotCold, a
/// node that lost its lock and does not know yet): Marten's progression write is a compare-and-set, so only one
/// runner's batch for a range commits and every event counts once (ADR 72).
/// </summary>
public sealed class FencingTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Given_two_nodes_running_the_same_projection_at_once_When_both_apply_the_same_events_Then_each_event_counts_once()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var stream = "fenced-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 10; i++)
            await TestLog.AppendAsync(scope.Store, stream, 20);

        await using var a = await scope.StartNodeAsync("solo-a", [new TallyProjection()], output, DaemonMode.Solo);
        await using var b = await scope.StartNodeAsync("solo-b", [new TallyProjection()], output, DaemonMode.Solo);
        for (var i = 0; i < 20; i++)
            await TestLog.AppendAsync(scope.Store, stream, 5);
        await scope.CaughtUpAsync("tally_v1");

        Assert.Equal(await TestLog.PositionsAsync(scope.DataSource, scope.Schema),
            await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen ORDER BY position"));
        Assert.Equal([300], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));
    }
}
