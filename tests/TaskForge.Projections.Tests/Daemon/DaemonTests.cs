using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Daemon;

public sealed class DaemonTests(PostgresDatabaseFixture database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Given_a_backlog_When_the_daemon_starts_Then_every_event_is_applied_once_in_order()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var stream = "backlog-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 10; i++)
            await TestLog.AppendAsync(scope.Store, stream, 50);

        await using var node = await scope.StartNodeAsync("backlog", [new TallyProjection()], output);
        await scope.CaughtUpAsync("tally_v1");

        Assert.Equal(await TestLog.PositionsAsync(scope.DataSource, scope.Schema),
            await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen ORDER BY position"));
        Assert.Equal([500], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));
        var state = Assert.Single(await node.Admin.ListAsync());
        Assert.Equal(("tally", 1, 1, 0L, 0L, false), (state.Projection, state.ServingVersion, state.CodeVersion, state.LagEvents, state.DeadLetters, state.Building));
        Assert.Equal(await scope.HeadAsync(), state.Progression);
    }

    [Fact]
    public async Task Given_a_caught_up_daemon_When_single_events_arrive_Then_each_is_applied()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        await using var node = await scope.StartNodeAsync("live", [new TallyProjection()], output);
        var stream = "live-" + Guid.NewGuid().ToString("N");
        for (var i = 1; i <= 5; i++)
        {
            await TestLog.AppendAsync(scope.Store, stream, 1);
            await scope.CaughtUpAsync("tally_v1");
            Assert.Equal([i], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));
        }
    }

    [Fact]
    public async Task Given_a_stopped_daemon_When_another_starts_Then_it_resumes_from_the_progression_without_duplicates()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var stream = "resume-" + Guid.NewGuid().ToString("N");
        await TestLog.AppendAsync(scope.Store, stream, 30);
        await using (var first = await scope.StartNodeAsync("first", [new TallyProjection()], output))
            await scope.CaughtUpAsync("tally_v1");

        await TestLog.AppendAsync(scope.Store, stream, 20);
        await using var second = await scope.StartNodeAsync("second", [new TallyProjection()], output);
        await scope.CaughtUpAsync("tally_v1");

        Assert.Equal([50], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));
        Assert.Equal(await TestLog.PositionsAsync(scope.DataSource, scope.Schema),
            await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen ORDER BY position"));
    }

    [Fact]
    public async Task Given_a_new_deployment_When_the_host_has_started_Then_the_views_exist_before_any_event_is_projected()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        await using var node = await scope.StartNodeAsync("views", [new TallyProjection()], output);

        Assert.Equal([0L], await scope.ColumnAsync<long>($"SELECT count(*) FROM {scope.Schema}.tally_streams"));
        Assert.Equal([1], await scope.ColumnAsync<int>($"SELECT serving_version FROM {scope.Schema}.projection_versions WHERE projection = 'tally'"));
    }
}
