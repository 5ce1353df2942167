using TaskForge.Testing;

namespace TaskForge.Integrity.Tests;

/// <summary>The chainer as a daemon subscription: history written before it existed, restarts, a reset progress.</summary>
public sealed class ChainerTests(MartenStoreFixture fixture) : IClassFixture<MartenStoreFixture>
{
    [Fact]
    public async Task Events_written_before_chaining_was_on_are_chained_when_it_starts()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        var history = await store.AppendAsync(250, streams: 6);
        Assert.Equal(0, await store.ScalarAsync($"SELECT count(*) FROM {store.Schema}.mt_integrity_links"));

        await store.StartChainerAsync();
        var later = await store.AppendAsync(50, seed: 2);
        await store.WaitChainedAsync();

        var report = await store.Checker.CheckStoreAsync();
        Assert.True(report.Intact, report.ToString());
        Assert.Equal(history.Count + later.Count, report.EventsChecked);
    }

    [Fact]
    public async Task A_restarted_chainer_goes_on_where_it_stopped_without_a_second_link_even_when_its_progress_is_reset()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        await store.AppendAsync(120);
        await store.WaitChainedAsync();
        await store.StopChainerAsync();

        await store.AppendAsync(80, seed: 3);
        await store.StartChainerAsync();
        await store.WaitChainedAsync();
        await store.StopChainerAsync();

        // Progress lost (a rebuild, a restore of the progression table): already chained positions are skipped.
        await store.ExecuteAsync($"DELETE FROM {store.Schema}.mt_event_progression WHERE name LIKE '{store.Options.SubscriptionName}%'");
        await store.AppendAsync(30, seed: 4);
        await store.StartChainerAsync();
        await store.WaitChainedAsync();

        Assert.Equal(230, await store.ScalarAsync($"SELECT count(*) FROM {store.Schema}.mt_integrity_links"));
        var report = await store.Checker.CheckStoreAsync();
        Assert.True(report.Intact, report.ToString());
        Assert.Equal(230, report.EventsChecked);
    }
}
