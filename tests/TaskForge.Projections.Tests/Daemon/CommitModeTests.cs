using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>ADR 0102: the daemon's projection transactions commit without waiting for the WAL flush.</summary>
public sealed class CommitModeTests(PostgresDatabaseFixture database, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Given_the_daemon_projecting_When_its_transaction_runs_Then_it_commits_without_waiting_for_the_WAL_flush()
    {
        await using var scope = await DaemonScope.CreateAsync(database);
        var stream = "commit-mode-" + Guid.NewGuid().ToString("N");
        await TestLog.AppendAsync(scope.Store, stream, 20);
        await using var node = await scope.StartNodeAsync("commit-mode", [new CommitModeProjection()], output);
        await scope.CaughtUpAsync("commit_mode_v1");

        Assert.Equal(["off"], await scope.ColumnAsync<string>($"SELECT DISTINCT synchronous_commit FROM {scope.Schema}.{CommitModeProjection.Modes}"));
        Assert.Equal(20, (await scope.ColumnAsync<long>($"SELECT count(*) FROM {scope.Schema}.{CommitModeProjection.Modes}")).Single());
    }
}
