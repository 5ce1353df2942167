using Marten;
using TaskForge.Storage.Events;
using TaskForge.Storage.EventStore;
using TaskForge.Testing;

namespace TaskForge.Storage.Tests.EventStore;

public sealed class RacingWritersTests(MartenStoreFixture fixture) : IClassFixture<MartenStoreFixture>
{
    [Fact]
    public async Task Given_16_writers_appending_at_the_same_version_Then_exactly_one_wins_each_version_and_the_rest_are_refused()
    {
        var stream = "race-" + Guid.NewGuid().ToString("N");
        const int Writers = 16;
        const int Rounds = 5;
        var winners = new int[Rounds];
        for (var version = 0; version < Rounds; version++)
        {
            var expected = version;
            using var start = new SemaphoreSlim(0, Writers);
            var attempts = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                await start.WaitAsync();
                await using var session = fixture.Store.LightweightSession();
                session.Events.Append(stream, expected + 1, EventEnvelope.Wrap(new Written(w)));
                try
                {
                    await session.SaveChangesAsync();
                    return true;
                }
                catch (Exception e) when (AppendFailure.Classify(e) == AppendFailureKind.VersionConflict)
                {
                    return false;
                }
            })).ToList();
            start.Release(Writers);
            winners[version] = (await Task.WhenAll(attempts)).Count(won => won);
        }

        Assert.All(winners, count => Assert.Equal(1, count));
        await using var query = fixture.Store.QuerySession();
        var stored = await query.Events.FetchStreamAsync(stream);
        Assert.Equal(Enumerable.Range(1, Rounds).Select(v => (long)v), stored.Select(e => e.Version));
    }

    private sealed record Written(int Writer);
}
