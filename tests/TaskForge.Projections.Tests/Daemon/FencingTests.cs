using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>Two runners on one checkpoint (a leader that lost its lock and does not know yet): only one batch counts.</summary>
public sealed class FencingTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task Given_two_runners_applying_the_same_batch_concurrently_When_both_commit_Then_the_second_fails_cleanly_and_rows_are_written_once()
    {
        var harness = new DaemonHarness(fixture.Store);
        var projection = new TallyProjection();
        await using (var daemon = new ProjectionDaemon(fixture.Store, [projection], harness.Options()))
        {
            await daemon.InitializeAsync();
        }

        await TestLog.AppendAsync(fixture.Store, "fenced-" + Guid.NewGuid().ToString("N"), 10);
        // Other test classes share the server: an open transaction of theirs can hold our events above the horizon for a while.
        IReadOnlyList<EventStore.Reading.RecordedEvent> events = [];
        await Projected.UntilAsync(async () => (events = (await fixture.Store.ReadAllAsync(0, 1000)).Events).Count == 10, "the events to be visible");
        var firstHolds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondWaits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Applier(projection, new PauseBeforeCommit(firstHolds, secondWaits.Task));
        var second = Applier(projection, null);
        await using var connectionA = await fixture.DataSource.OpenConnectionAsync();
        await using var connectionB = await fixture.DataSource.OpenConnectionAsync();

        var applyA = first.ApplyAsync(connectionA, events, null, CancellationToken.None);
        // If the first runner fails before its commit, its error ends the test instead of a wait that never ends.
        await await Task.WhenAny(firstHolds.Task, applyA).WaitAsync(Projected.Timeout);
        var applyB = second.ApplyAsync(connectionB, events, null, CancellationToken.None);
        await Projected.UntilAsync(async () => applyB.IsCompleted || await WaitEventTypeAsync(connectionB.ProcessID) == "Lock",
            "the second runner to wait on the checkpoint row");
        secondWaits.SetResult();

        Assert.Equal(events[^1].Position, await applyA.WaitAsync(Projected.Timeout));
        await Assert.ThrowsAsync<ProjectionLeadershipLostException>(() => applyB.WaitAsync(Projected.Timeout));
        var seen = await TestLog.ColumnAsync<long>(fixture.Store.DataSource, $"SELECT position FROM {harness.Schema}.tally_seen_g1 ORDER BY position");
        Assert.Equal(events.Select(e => e.Position), seen);
        Assert.Empty(await harness.Admin.Parked.ListAsync(projection.Name));

        BatchApplier Applier(TallyProjection p, IProjectionFaultHook? hook) =>
            new(new DaemonContext(fixture.Store, harness.Options(hook), NullLogger.Instance), p, new ProjectionTables(harness.Schema, 1));
    }

    private async Task<string?> WaitEventTypeAsync(int processId)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = processId });
        return await command.ExecuteScalarAsync() as string;
    }

    private sealed class PauseBeforeCommit(TaskCompletionSource holding, Task release) : IProjectionFaultHook
    {
        public async Task OnAsync(ProjectionFaultPoint point, string projection, NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            if (point == ProjectionFaultPoint.BeforeCommit)
            {
                holding.TrySetResult();
                await release.WaitAsync(Projected.Timeout, cancellationToken);
            }
        }
    }
}
