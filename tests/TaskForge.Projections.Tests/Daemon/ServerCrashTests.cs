using Npgsql;
using TaskForge.EventStore;
using TaskForge.EventStore.Local;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Tests.Support;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>
/// Kills a PostgreSQL of its own (SIGKILL, as a crash) while the daemon projects with asynchronous commits (ADR 0062),
/// restarts it, and checks the daemon recovers by itself to read models equal to a rebuild.
/// </summary>
public sealed class ServerCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Given_a_server_killed_right_after_a_projection_commit_When_it_restarts_Then_read_models_equal_a_rebuild()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-projections-crash-{Guid.NewGuid():N}");
        await using var cluster = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: true);
        await using var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString());
        await using var store = new PostgresEventStore(dataSource, new EventStoreOptions { PollInterval = TimeSpan.FromMilliseconds(200) });
        await store.MigrateAsync();
        var harness = new DaemonHarness(store, new TestOutputLogger(output));
        var projections = ProjectionsServiceCollectionExtensions.ReadModels();
        var activity = await RandomActivity.StartAsync(new DomainLog(store), seed: 4242);
        var killer = new KillAfterFeedCommit(cluster, CheckpointNames.For(harness.Schema, "feed", 1));
        await using var daemon = await harness.StartAsync(projections, killer);
        await Projected.CaughtUpAsync(store, harness.Admin, [.. projections.Select(p => p.Name)]);

        var crashed = false;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await activity.StepAsync();
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException or EventStore.Appending.AppendOutcomeUnknownException)
                {
                    Volatile.Write(ref crashed, true);
                    return;
                }
            }
        });
        // The server dies right after a feed commit was acknowledged, before the WAL writer flushed it.
        killer.Arm();
        var acknowledged = await killer.Killed;
        await writer.WaitAsync(Projected.Timeout);
        await daemon.StopAsync();
        await cluster.StartServerAsync();
        dataSource.Clear();
        var stored = await harness.Admin.GetCheckpointAsync("feed");
        output.WriteLine($"feed: {acknowledged} acknowledged before the kill, {stored} stored after it ({(stored < acknowledged ? "lost commits, re-applied now" : "nothing lost")})");

        await using var recovered = await harness.StartAsync(projections);
        await Projected.CaughtUpAsync(store, harness.Admin, [.. projections.Select(p => p.Name)]);
        var fresh = new DaemonHarness(store);
        await using (var rebuild = await fresh.StartAsync(projections))
        {
            await Projected.CaughtUpAsync(store, fresh.Admin, [.. projections.Select(p => p.Name)]);
        }

        Assert.True(Volatile.Read(ref crashed), "the kill interrupted no append");
        Assert.Equal(await Checksums.OfAsync(dataSource, fresh.Schema, projections), await Checksums.OfAsync(dataSource, harness.Schema, projections));
    }

    private sealed class KillAfterFeedCommit(LocalPostgresCluster cluster, string checkpointName) : IProjectionFaultHook
    {
        private readonly TaskCompletionSource<long> _killed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;
        private long _committing;

        public Task<long> Killed => _killed.Task.WaitAsync(Projected.Timeout);

        public void Arm() => Volatile.Write(ref _armed, 1);

        public async Task OnAsync(ProjectionFaultPoint point, string projection, NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            if (projection != "feed" || Volatile.Read(ref _armed) == 0)
            {
                return;
            }

            if (point == ProjectionFaultPoint.BeforeCommit)
            {
                await using var command = new NpgsqlCommand($"SELECT position FROM {new EventStoreOptions().Schema}.checkpoints WHERE name = $1", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = checkpointName });
                _committing = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            }
            else if (point == ProjectionFaultPoint.AfterCommit && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                await cluster.KillAsync(CancellationToken.None);
                _killed.TrySetResult(_committing);
            }
        }
    }
}
