using TaskForge.EventStore;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

public sealed class CrashTests(EventStoreFixture fixture, ITestOutputHelper output) : IClassFixture<EventStoreFixture>
{
    private const int Rounds = 25;

    [Fact]
    public async Task Given_a_daemon_killed_at_random_points_while_events_arrive_Then_every_read_model_equals_a_rebuild_from_scratch()
    {
        var harness = new DaemonHarness(fixture.Store, new TestOutputLogger(output));
        var activity = await RandomActivity.StartAsync(new DomainLog(fixture.Store), seed: 20261122);
        var random = new Random(7);
        var killer = new RandomKiller(fixture, random);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await activity.StepAsync();
            }
        });

        for (var round = 0; round < Rounds; round++)
        {
            var application = $"crash-{round}";
            await using var source = fixture.CreateDataSource(b => b.ApplicationName = application);
            await using var store = new PostgresEventStore(source, fixture.Store.Options);
            var daemon = await harness.StartAsync(ProjectionsServiceCollectionExtensions.ReadModels(), killer, store);
            // The daemon dies after a random number of batch steps (some of which the killer broke already).
            await killer.UntilCallsAsync(random.Next(5, 60));
            // The whole process dies: every session ends, whatever it was doing.
            var dying = daemon.StopAsync();
            await Backends.TerminateApplicationAsync(fixture.DataSource, application);
            await dying.WaitAsync(Projected.Timeout);
        }

        await stop.CancelAsync();
        await writer.WaitAsync(Projected.Timeout);
        output.WriteLine($"{killer.Kills} kills inside batches; {await TestLog.HeadAsync(fixture.Store)} head");

        var projections = ProjectionsServiceCollectionExtensions.ReadModels();
        await using (var survivor = await harness.StartAsync(projections))
        {
            await Projected.CaughtUpAsync(fixture.Store, harness.Admin, [.. projections.Select(p => p.Name)]);
        }

        var fresh = new DaemonHarness(fixture.Store);
        await using (var rebuild = await fresh.StartAsync(projections))
        {
            await Projected.CaughtUpAsync(fixture.Store, fresh.Admin, [.. projections.Select(p => p.Name)]);
        }

        Assert.True(killer.Kills >= Rounds / 2, $"only {killer.Kills} kills happened inside batches");
        var crashed = await Checksums.OfAsync(fixture.DataSource, harness.Schema, projections);
        var rebuilt = await Checksums.OfAsync(fixture.DataSource, fresh.Schema, projections);
        Assert.Equal(rebuilt, crashed);
        Assert.DoesNotContain(":", rebuilt["feed_entries"][..2], StringComparison.Ordinal); // at least 10 rows: the comparison is not vacuous
        foreach (var projection in projections)
        {
            Assert.Empty(await harness.Admin.Parked.ListAsync(projection.Name));
        }
    }

    /// <summary>Terminates the daemon's own session at a random point of a batch: before the rows, or between writing and committing.</summary>
    private sealed class RandomKiller(EventStoreFixture fixture, Random random) : IProjectionFaultHook
    {
        private readonly Lock _gate = new();
        private int _kills;
        private int _calls;
        private (int Target, TaskCompletionSource Reached)? _waiter;

        public int Kills => Volatile.Read(ref _kills);

        public async Task OnAsync(ProjectionFaultPoint point, string projection, Npgsql.NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            bool kill;
            lock (_gate)
            {
                kill = point != ProjectionFaultPoint.AfterCommit && random.Next(8) == 0;
                _calls++;
                if (_waiter is var (target, reached) && _calls >= target)
                {
                    reached.TrySetResult();
                }
            }

            if (kill)
            {
                Interlocked.Increment(ref _kills);
                await Backends.TerminateAsync(fixture.DataSource, connection.ProcessID);
            }
        }

        /// <summary>Completes when the daemon has gone through <paramref name="more"/> more fault points.</summary>
        public Task UntilCallsAsync(int more)
        {
            lock (_gate)
            {
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiter = (_calls + more, reached);
                return reached.Task.WaitAsync(Projected.Timeout);
            }
        }
    }
}
