using JasperFx.Events.Daemon;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>
/// Two runners of one shard at once (here two nodes misconfigured as Solo, so neither takes a lock; in HotCold, a
/// node that lost its lock and does not know yet): Marten's progression write is a compare-and-set, so only one
/// runner's batch for a range commits and every event counts once (ADR 72). Marten only logs a compare-and-set that
/// matched no row, so <c>ProgressionFence</c> fails such a batch at its commit (ADR 124).
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

    [Fact]
    public async Task Given_a_batch_whose_progression_write_matches_no_row_When_it_commits_Then_its_rows_roll_back_and_the_range_is_applied_once_later()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var stream = "missed-" + Guid.NewGuid().ToString("N");
        await TestLog.AppendAsync(scope.Store, stream, 10);
        await using var node = await scope.StartNodeAsync("solo", [new TallyProjection()], output, DaemonMode.Solo);
        await scope.CaughtUpAsync("tally_v1");
        var before = await scope.ProgressionAsync("tally_v1");

        // What a faster second runner leaves behind: this runner's progression update finds no row at its expected floor.
        await using (var skip = scope.DataSource.CreateCommand($"""
            CREATE FUNCTION {scope.Schema}.skip_progression() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END';
            CREATE TRIGGER skip_progression BEFORE UPDATE ON {scope.Schema}.mt_event_progression
                FOR EACH ROW WHEN (OLD.name = 'tally_v1:All') EXECUTE FUNCTION {scope.Schema}.skip_progression();
            """))
            await skip.ExecuteNonQueryAsync();
        var fenced = node.Store.Storage.Database.Tracker.WaitForShardCondition(
            s => Causes(s.Exception).Any(e => e is ProgressionFenceException), "a batch fenced", TimeSpan.FromSeconds(30));
        await TestLog.AppendAsync(scope.Store, stream, 10);
        await fenced;

        Assert.Equal(before, await scope.ProgressionAsync("tally_v1"));
        Assert.Equal([10], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));

        await using (var restore = scope.DataSource.CreateCommand($"DROP TRIGGER skip_progression ON {scope.Schema}.mt_event_progression"))
            await restore.ExecuteNonQueryAsync();
        await scope.CaughtUpAsync("tally_v1");

        Assert.Equal(await TestLog.PositionsAsync(scope.DataSource, scope.Schema),
            await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen ORDER BY position"));
        Assert.Equal([20], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));
    }

    private static IEnumerable<Exception> Causes(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            yield return e;
    }
}
