using TaskForge.Projections.Admin;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>
/// Versioned read models behind views (ADR 0074): a new version is built in tables of its own by whichever node runs
/// its shard, while the serving version keeps being projected and read; the views switch once the new one caught up.
/// </summary>
public sealed class RebuildTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Given_version_1_serving_When_version_2_is_deployed_Then_readers_see_version_1_until_version_2_has_caught_up_and_then_version_2()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var stream = "rebuild-" + Guid.NewGuid().ToString("N");
        for (var i = 0; i < 4; i++)
            await TestLog.AppendAsync(scope.Store, stream, 50);
        await using var v1 = await scope.StartNodeAsync("v1", [new TallyProjection(version: 1)], output);
        await scope.CaughtUpAsync("tally_v1");

        var version2 = new TallyProjection(version: 2);
        version2.Gate.Reset(); // version 2 is slow: it has applied nothing until the test lets it go on
        try
        {
            await using var v2 = await scope.StartNodeAsync("v2", [version2], output);
            ProjectionState building = null!;
            await Projected.UntilAsync(async () => (building = Assert.Single(await v2.Admin.ListAsync())).HighWaterMark >= 200, "the new node to see the log");
            Assert.Equal((1, 2, true, 0L), (building.ServingVersion, building.CodeVersion, building.Building, building.Progression));
            Assert.Equal(building.HighWaterMark, building.LagEvents);

            // Meanwhile version 1 goes on serving, and new events reach it.
            await TestLog.AppendAsync(scope.Store, stream, 50);
            await scope.CaughtUpAsync("tally_v1");
            Assert.Equal([250L], await scope.ColumnAsync<long>($"SELECT count(*) FROM {scope.Schema}.tally_seen WHERE version = 1"));
            Assert.Equal([0L], await scope.ColumnAsync<long>($"SELECT count(*) FROM {scope.Schema}.tally_seen_v2"));

            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                    await TestLog.AppendAsync(scope.Store, stream, 5);
            });
            var seen = new List<int>(); // the reader's own until it has finished
            var lastSeen = 0;
            var readErrors = new List<Exception>();
            var reader = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var version = (await scope.ColumnAsync<int>($"SELECT max(version) FROM {scope.Schema}.tally_seen"))[0];
                        seen.Add(version);
                        Volatile.Write(ref lastSeen, version);
                    }
                    catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or InvalidCastException)
                    {
                        readErrors.Add(e);
                    }
                }
            });

            version2.Gate.Set();
            await Projected.UntilAsync(async () => Assert.Single(await v2.Admin.ListAsync()) is { ServingVersion: 2, Building: false }, "the switch to version 2");
            await Projected.UntilAsync(() => Task.FromResult(Volatile.Read(ref lastSeen) == 2), "a read of version 2");
            await stop.CancelAsync();
            await Task.WhenAll(writer, reader).WaitAsync(Projected.Timeout);
            await scope.CaughtUpAsync("tally_v1", "tally_v2");

            Assert.Empty(readErrors);
            Assert.Equal(seen.Order(), seen); // readers move from version 1 to version 2 once, never back
            Assert.Equal(1, seen[0]);
            Assert.Equal(await TestLog.PositionsAsync(scope.DataSource, scope.Schema),
                await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen ORDER BY position"));
            Assert.Equal([2], await scope.ColumnAsync<int>($"SELECT DISTINCT version FROM {scope.Schema}.tally_seen"));
            var done = Assert.Single(await v2.Admin.ListAsync());
            Assert.Equal((2, 2, false, 0L, 1.0), (done.ServingVersion, done.CodeVersion, done.Building, done.LagEvents, done.Fraction));
        }
        finally
        {
            version2.Gate.Set();
        }
    }

    [Fact]
    public async Task Given_version_2_serving_When_a_node_with_version_1_starts_Then_readers_stay_on_version_2()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        await TestLog.AppendAsync(scope.Store, "old-node-" + Guid.NewGuid().ToString("N"), 20);
        await using (var v2 = await scope.StartNodeAsync("v2", [new TallyProjection(version: 2)], output))
            await scope.CaughtUpAsync("tally_v2");

        await TestLog.AppendAsync(scope.Store, "old-node-" + Guid.NewGuid().ToString("N"), 5);
        await using var v1 = await scope.StartNodeAsync("v1", [new TallyProjection(version: 1)], output);
        await scope.CaughtUpAsync("tally_v1");

        Assert.Equal([2], await scope.ColumnAsync<int>($"SELECT serving_version FROM {scope.Schema}.projection_versions WHERE projection = 'tally'"));
        Assert.Equal([2], await scope.ColumnAsync<int>($"SELECT DISTINCT version FROM {scope.Schema}.tally_seen"));
        var state = Assert.Single(await v1.Admin.ListAsync());
        Assert.Equal((2, 1, false), (state.ServingVersion, state.CodeVersion, state.Building));
    }
}
