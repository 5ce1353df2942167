using TaskForge.EventStore.Appending;
using TaskForge.Testing;

namespace TaskForge.EventStore.Tests.Appending;

public sealed class ConcurrencyTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    private PostgresEventStore Store => fixture.Store;

    [Fact]
    public async Task Writers_racing_on_one_stream_with_the_same_expected_version_have_exactly_one_winner_per_version()
    {
        var stream = TestEvents.Stream();
        const int Writers = 16;
        const int Rounds = 15;
        var conflicts = 0;
        for (var version = 0; version < Rounds; version++)
        {
            var expected = ExpectedVersion.Exactly(version);
            var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async _ =>
            {
                try
                {
                    await Store.AppendAsync(stream, expected, [TestEvents.New()]);
                    return true;
                }
                catch (WrongExpectedVersionException e)
                {
                    Assert.Equal(version + 1, e.CurrentVersion);
                    Interlocked.Increment(ref conflicts);
                    return false;
                }
            }));
            Assert.Equal(1, outcomes.Count(won => won));
        }

        Assert.Equal(Rounds * (Writers - 1), conflicts);
        var events = await Store.ReadStreamAsync(stream);
        Assert.Equal(Enumerable.Range(1, Rounds).Select(v => (long)v), events.Select(e => e.Version));
    }

    [Fact]
    public async Task Racing_appends_of_the_same_event_ids_store_them_once_and_all_report_the_same_positions()
    {
        var stream = TestEvents.Stream();
        var events = TestEvents.Many(3);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Store.AppendAsync(stream, ExpectedVersion.Any, events)));

        Assert.Single(results, r => !r.AlreadyStored);
        Assert.All(results, r => Assert.Equal(results[0].Positions, r.Positions));
        Assert.Equal(3, (await Store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task Any_writers_racing_on_one_stream_all_succeed_with_dense_versions()
    {
        var stream = TestEvents.Stream();
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(2))));
        var events = await Store.ReadStreamAsync(stream);
        Assert.Equal(Enumerable.Range(1, 40).Select(v => (long)v), events.Select(e => e.Version));
    }
}
