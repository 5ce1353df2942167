using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;
using Xunit.Abstractions;

namespace TaskForge.Projections.Tests.Daemon;

/// <summary>
/// Guarantee 4 on Marten (ADR 0072): daemons die at random points while events arrive, and afterwards every read model
/// equals a rebuild from scratch. Two kinds of death: whole nodes killed (connections cut, sessions terminated) at
/// random progression points, each while its successor stands by; and sessions terminated from inside their
/// projection transaction (after some rows or the progression were written, before the commit).
/// </summary>
public sealed class CrashTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Rounds = 8;

    [Fact]
    public async Task Given_daemons_killed_at_random_points_while_events_arrive_Then_every_read_model_equals_a_rebuild_from_scratch()
    {
        await using var scope = await DaemonScope.CreateAsync(database, "crash");
        var projections = TaskForge.Projections.Hosting.ReadModels.All();
        var names = projections.Select(p => p.MartenName).ToArray();
        var activity = await RandomActivity.StartAsync(new DomainLog(scope.Store), seed: 20261122);
        var random = new Random(7);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var step = 0; step < 3000 && !stop.IsCancellationRequested; step++)
                await activity.StepAsync();
        });

        DaemonNode? previous = null;
        for (var round = 0; round < Rounds; round++)
        {
            var node = await scope.StartNodeAsync($"crash-{round}", projections, output);
            if (round == 0)
                await ChaosTriggers.InstallAsync(scope.DataSource, scope.Schema, projections, "crash-", probability: 0.25);
            if (previous is not null)
                await previous.KillAsync(scope.DataSource); // the new node stands by and takes over
            var from = await TotalProgressionAsync(scope, names);
            var more = random.Next(20, 150);
            await Projected.UntilAsync(async () => await TotalProgressionAsync(scope, names) >= from + more, $"round {round} to apply {more} more events");
            previous = node;
        }

        await previous!.KillAsync(scope.DataSource);
        await stop.CancelAsync();
        await writer.WaitAsync(Projected.Timeout);
        var kills = await ChaosTriggers.KillsAsync(scope.DataSource, scope.Schema);
        output.WriteLine($"{Rounds} nodes killed, {kills} sessions killed inside projection transactions; head {await scope.HeadAsync()}");

        await using (var survivor = await scope.StartNodeAsync("survivor", projections, output))
        {
            await scope.CaughtUpAsync(names);
            Assert.Empty(await survivor.Admin.DeadLettersAsync());
        }

        await using var rebuilt = await DaemonScope.CreateAsync(database, "rebuilt");
        await LogCopy.CopyAsync(scope.DataSource, database.ConnectionString, scope.Schema, rebuilt.Schema);
        await using (var rebuild = await rebuilt.StartNodeAsync("rebuild", projections, output))
            await rebuilt.CaughtUpAsync(names);

        var crashed = await Checksums.OfAsync(scope.DataSource, scope.Schema, projections);
        var fromScratch = await Checksums.OfAsync(scope.DataSource, rebuilt.Schema, projections);
        Assert.Equal(fromScratch, crashed);
        Assert.True(kills >= 3, $"only {kills} kills inside projection transactions");
        Assert.True(Checksums.RowsOf(fromScratch, "feed_entries") >= 100, "the comparison is not vacuous");
    }

    private static async Task<long> TotalProgressionAsync(DaemonScope scope, string[] names)
    {
        var rows = await scope.Progress.ReadAsync();
        return names.Sum(n => Versions.ProjectionProgress.Of(rows, n));
    }
}
