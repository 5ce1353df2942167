using TaskForge.Testing;
using Npgsql;
using TaskForge.Projections.Tests.Support;
using TaskForge.Storage.Local;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>
/// PostgreSQL itself dies (SIGKILL, as a crash) while events are appended and projected, and is started again: the
/// daemon recovers by itself, and its read models equal a rebuild. The server is a cluster of this test's own, so the
/// other test classes running meanwhile keep theirs.
/// </summary>
public sealed class ServerCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Given_the_server_killed_while_events_are_appended_and_projected_When_it_restarts_Then_the_daemon_recovers_by_itself_to_read_models_equal_a_rebuild()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-projections-crash-{Guid.NewGuid():N}");
        await using var cluster = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: true);
        var connectionString = cluster.ConnectionString();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var scope = await DaemonScope.CreateAsync(connectionString, dataSource, "crash");
        var projections = TaskForge.Projections.Hosting.ReadModels.All();
        var names = projections.Select(p => p.MartenName).ToArray();
        var activity = await RandomActivity.StartAsync(new DomainLog(scope.Store), seed: 4242);
        await using var node = await scope.StartNodeAsync("node", projections, output);

        var (steps, failures) = (0, 0);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await activity.StepAsync();
                    Interlocked.Increment(ref steps);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The server is down: this append may or may not have committed; the log says which.
                    Interlocked.Increment(ref failures);
                    await Task.Delay(50);
                }
            }
        });
        await Projected.UntilAsync(async () => await scope.ProgressionAsync("feed_v1") >= 200, "the feed to project a while");

        await cluster.KillAsync();
        await cluster.StartServerAsync();
        dataSource.Clear();
        var afterRestart = Volatile.Read(ref steps);
        await Projected.UntilAsync(() => Task.FromResult(Volatile.Read(ref steps) >= afterRestart + 100), "appends to go on after the restart");
        await stop.CancelAsync();
        await writer.WaitAsync(Projected.Timeout);
        await scope.CaughtUpAsync(names); // the same node, never restarted by the test
        output.WriteLine($"{failures} appends failed around the kill; head {await scope.HeadAsync()}");

        await using var rebuilt = await DaemonScope.CreateAsync(connectionString, dataSource, "rebuilt");
        await LogCopy.CopyAsync(dataSource, connectionString, scope.Schema, rebuilt.Schema);
        await using (var rebuild = await rebuilt.StartNodeAsync("rebuild", projections, output))
            await rebuilt.CaughtUpAsync(names);

        Assert.True(failures > 0, "the kill interrupted no append");
        Assert.Empty(await node.Admin.DeadLettersAsync());
        Assert.Equal(await Checksums.OfAsync(dataSource, rebuilt.Schema, projections), await Checksums.OfAsync(dataSource, scope.Schema, projections));
    }
}
