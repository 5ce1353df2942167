using TaskForge.Testing;

namespace TaskForge.Integrity.Tests;

/// <summary>The chain over a log nobody touched, in every scope, and each kind of tampering named by the check.</summary>
public sealed class ChainCheckTests(MartenStoreFixture fixture) : IClassFixture<MartenStoreFixture>
{
    [Fact]
    public async Task An_untouched_log_is_intact_in_every_scope_and_each_scope_checks_only_its_events()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(300, streams: 7);
        await store.WaitChainedAsync();

        var all = await store.Checker.CheckStoreAsync();
        Assert.True(all.Intact, all.ToString());
        Assert.Equal(300, all.EventsChecked);
        Assert.Equal(appended.Max(a => a.Sequence), all.ChainedThrough);

        var workspace = ChainedStore.Workspaces[1].ToString();
        var chain = await store.Checker.CheckChainAsync(workspace);
        Assert.True(chain.Intact, chain.ToString());
        Assert.Equal(appended.Count(a => a.Workspace == workspace), chain.EventsChecked);

        var none = await store.Checker.CheckChainAsync(ChainKeys.None);
        Assert.True(none.Intact, none.ToString());
        Assert.Equal(appended.Count(a => a.Workspace is null), none.EventsChecked);

        var stream = appended[0].StreamId;
        var one = await store.Checker.CheckStreamAsync(stream);
        Assert.True(one.Intact, one.ToString());
        Assert.Equal(appended.Count(a => a.StreamId == stream), one.EventsChecked);
    }

    [Fact]
    public async Task Changed_data_is_named_by_its_event_id_in_the_store_its_chain_and_its_stream_but_not_elsewhere()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(120);
        await store.WaitChainedAsync();
        var victim = appended.First(a => a.Workspace == ChainedStore.Workspaces[0].ToString() && a.Sequence > 40);

        await store.ExecuteAsync($"UPDATE {store.Schema}.mt_events SET data = jsonb_set(data, '{{text}}', '\"edited\"') WHERE seq_id = {victim.Sequence}");

        foreach (var report in new[]
                 {
                     await store.Checker.CheckStoreAsync(),
                     await store.Checker.CheckChainAsync(victim.Workspace!),
                     await store.Checker.CheckStreamAsync(victim.StreamId),
                 })
        {
            Assert.False(report.Intact);
            Assert.Equal(victim.Sequence, report.FirstBreak!.Sequence);
            Assert.Equal(IntegrityBreakKind.DataChanged, report.FirstBreak.Kind);
            Assert.Equal("data changed", report.FirstBreak.What);
            Assert.Equal(victim.StreamId, report.FirstBreak.StreamId);
        }

        var other = await store.Checker.CheckChainAsync(ChainedStore.Workspaces[1].ToString());
        Assert.True(other.Intact, other.ToString());
        var otherStream = appended.First(a => a.StreamId != victim.StreamId).StreamId;
        Assert.True((await store.Checker.CheckStreamAsync(otherStream)).Intact);
    }

    [Fact]
    public async Task A_changed_header_is_reported_as_metadata_changed()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(30);
        await store.WaitChainedAsync();
        var victim = appended[10];

        await store.ExecuteAsync($"UPDATE {store.Schema}.mt_events SET headers = jsonb_set(headers, '{{actor-id}}', '\"someone-else\"') WHERE seq_id = {victim.Sequence}");

        var report = await store.Checker.CheckStoreAsync();
        Assert.Equal(victim.Sequence, report.FirstBreak?.Sequence);
        Assert.Equal(IntegrityBreakKind.MetadataChanged, report.FirstBreak!.Kind);
    }

    [Fact]
    public async Task A_deleted_event_is_named()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(60);
        await store.WaitChainedAsync();
        var victim = appended[25];

        await store.ExecuteAsync($"DELETE FROM {store.Schema}.mt_events WHERE seq_id = {victim.Sequence}");

        foreach (var report in new[] { await store.Checker.CheckStoreAsync(), await store.Checker.CheckStreamAsync(victim.StreamId) })
        {
            Assert.Equal(victim.Sequence, report.FirstBreak?.Sequence);
            Assert.Equal(IntegrityBreakKind.EventMissing, report.FirstBreak!.Kind);
        }
    }

    [Fact]
    public async Task An_event_deleted_with_its_link_is_named()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(60, streams: 3);
        await store.WaitChainedAsync();
        var victim = appended.Where(a => a.Workspace is not null).Skip(20).First();

        await store.ExecuteAsync($"DELETE FROM {store.Schema}.mt_events WHERE seq_id = {victim.Sequence}; DELETE FROM {store.Schema}.mt_integrity_links WHERE seq = {victim.Sequence}");

        var chain = await store.Checker.CheckChainAsync(victim.Workspace!);
        Assert.Equal(victim.Sequence, chain.FirstBreak?.Sequence);
        Assert.Equal(IntegrityBreakKind.EventMissing, chain.FirstBreak!.Kind);
        var store1 = await store.Checker.CheckStoreAsync();
        Assert.False(store1.Intact);
        Assert.Equal(victim.Sequence, store1.FirstBreak!.Sequence);
        var stream = await store.Checker.CheckStreamAsync(victim.StreamId);
        Assert.Equal(IntegrityBreakKind.EventMissing, stream.FirstBreak?.Kind);
    }

    [Fact]
    public async Task Swapped_data_of_two_events_is_detected_at_the_first_of_them()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(50);
        await store.WaitChainedAsync();
        var (a, b) = (appended[12].Sequence, appended[30].Sequence);

        await store.ExecuteAsync($"""
            UPDATE {store.Schema}.mt_events e SET data = o.data
            FROM {store.Schema}.mt_events o
            WHERE (e.seq_id, o.seq_id) IN (({a}, {b}), ({b}, {a}))
            """);

        var report = await store.Checker.CheckStoreAsync();
        Assert.Equal(a, report.FirstBreak?.Sequence);
        Assert.Equal(IntegrityBreakKind.DataChanged, report.FirstBreak!.Kind);
    }

    [Fact]
    public async Task Two_events_whose_sequence_numbers_are_swapped_are_reported_as_reordered()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(50);
        await store.WaitChainedAsync();
        var (a, b) = (appended[12].Sequence, appended[30].Sequence);

        await store.ExecuteAsync($"""
            BEGIN;
            UPDATE {store.Schema}.mt_events SET seq_id = -1 WHERE seq_id = {a};
            UPDATE {store.Schema}.mt_events SET seq_id = {a} WHERE seq_id = {b};
            UPDATE {store.Schema}.mt_events SET seq_id = {b} WHERE seq_id = -1;
            COMMIT;
            """);

        var report = await store.Checker.CheckStoreAsync();
        Assert.Equal(a, report.FirstBreak?.Sequence);
        Assert.Equal(IntegrityBreakKind.OrderChanged, report.FirstBreak!.Kind);
    }
}
