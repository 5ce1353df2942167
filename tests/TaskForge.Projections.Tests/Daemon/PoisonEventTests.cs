using JasperFx.Events.Daemon;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>
/// What Marten 9.58's daemon does with an event a projection cannot apply (ADR 0076). An exception while the page is
/// planned names its event: the event becomes a dead letter and the projection goes on. A statement that fails at
/// commit names no event: the whole page rolls back, the projection pauses and is retried, and nothing is skipped.
/// </summary>
public sealed class PoisonEventTests(PostgresDatabaseFixture database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Given_an_event_the_projection_throws_on_When_projected_Then_it_is_a_dead_letter_and_the_rest_is_applied()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var projection = new TallyProjection();
        var stream = "poison-" + Guid.NewGuid().ToString("N");
        await TestLog.AppendAsync(scope.Store, stream, 10);
        await TestLog.AppendAsync(scope.Store, stream, 1, projection.PoisonMarker);
        await TestLog.AppendAsync(scope.Store, stream, 10);

        await using var node = await scope.StartNodeAsync("poison", [projection], output);
        await scope.CaughtUpAsync("tally_v1");

        var letter = Assert.Single(await node.Admin.DeadLettersAsync());
        Assert.Equal(("tally_v1", 11L), (letter.ProjectionName, letter.EventSequence));
        // Marten keeps the type of the cause and its own message naming the event; the cause's message is in the log.
        Assert.Equal(("InvalidOperationException", true), (letter.ExceptionType, letter.ExceptionMessage.Contains("event #11", StringComparison.Ordinal)));
        Assert.Equal([20], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));
        Assert.DoesNotContain(11L, await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen"));
        Assert.Equal(1, Assert.Single(await node.Admin.ListAsync()).DeadLetters);
    }

    [Fact]
    public async Task Given_a_dead_letter_When_replayed_after_the_fix_Then_its_event_is_applied_once_and_the_letter_is_gone()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var projection = new TallyProjection();
        var stream = "replay-" + Guid.NewGuid().ToString("N");
        await TestLog.AppendAsync(scope.Store, stream, 3);
        await TestLog.AppendAsync(scope.Store, stream, 1, projection.PoisonMarker);
        await using var node = await scope.StartNodeAsync("replay", [projection], output);
        await scope.CaughtUpAsync("tally_v1");
        var letter = Assert.Single(await node.Admin.DeadLettersAsync());

        projection.PoisonThrows = false;
        Assert.True(await node.Admin.ReplayAsync(letter.Id));

        Assert.Empty(await node.Admin.DeadLettersAsync());
        Assert.Equal([letter.EventSequence], await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen WHERE body LIKE 'poison-%'"));
        Assert.Equal([4], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));
    }

    [Fact]
    public async Task Given_a_dead_letter_that_still_fails_When_replayed_Then_the_error_is_reported_and_the_letter_stays()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var projection = new TallyProjection();
        await TestLog.AppendAsync(scope.Store, "again-" + Guid.NewGuid().ToString("N"), 1, projection.PoisonMarker);
        await using var node = await scope.StartNodeAsync("again", [projection], output);
        await scope.CaughtUpAsync("tally_v1");
        var letter = Assert.Single(await node.Admin.DeadLettersAsync());

        var error = await Assert.ThrowsAsync<ApplyEventException>(() => node.Admin.ReplayAsync(letter.Id));

        Assert.Contains("poison event at", error.InnerException?.Message, StringComparison.Ordinal);
        Assert.Equal(letter.Id, Assert.Single(await node.Admin.DeadLettersAsync()).Id);
        Assert.Empty(await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen"));
    }

    [Fact]
    public async Task Given_no_such_dead_letter_When_a_replay_is_requested_Then_it_says_so()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        await using var node = await scope.StartNodeAsync("none", [new TallyProjection()], output);

        Assert.False(await node.Admin.ReplayAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Given_a_statement_that_fails_at_commit_When_projected_Then_the_projection_halts_before_it_and_resumes_once_the_cause_is_fixed()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var projection = new TallyProjection();
        var stream = "rejected-" + Guid.NewGuid().ToString("N");
        await TestLog.AppendAsync(scope.Store, stream, 5);
        await using var node = await scope.StartNodeAsync("commit", [projection], output);
        await scope.CaughtUpAsync("tally_v1");
        var before = await scope.HeadAsync();
        await TestLog.AppendAsync(scope.Store, stream, 1, "rejected by the check constraint");
        await TestLog.AppendAsync(scope.Store, stream, 5);

        // The daemon tried the page, failed at commit, paused the projection and tried again after its health check.
        await Projected.UntilAsync(() => Task.FromResult(projection.RejectedPlans >= 2), "a second try of the failing page");
        Assert.Equal(before, await scope.ProgressionAsync("tally_v1"));
        Assert.Equal([5], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));
        Assert.Empty(await node.Admin.DeadLettersAsync());
        Assert.Equal(6, Assert.Single(await node.Admin.ListAsync()).LagEvents);

        var tables = new ProjectionTables(scope.Schema, 1);
        await using (var fix = scope.DataSource.CreateCommand($"ALTER TABLE {tables[TallyProjection.Seen]} DROP CONSTRAINT {TallyProjection.Constraint(tables)}"))
            await fix.ExecuteNonQueryAsync();
        await scope.CaughtUpAsync("tally_v1");

        Assert.Equal([11], await scope.ColumnAsync<int>($"SELECT events FROM {scope.Schema}.tally_streams WHERE stream_id = '{stream}'"));
        Assert.Equal(await TestLog.PositionsAsync(scope.DataSource, scope.Schema),
            await scope.ColumnAsync<long>($"SELECT position FROM {scope.Schema}.tally_seen ORDER BY position"));
    }
}
