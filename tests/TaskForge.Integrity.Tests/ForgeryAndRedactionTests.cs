using Npgsql;
using TaskForge.Integrity.Chaining;
using TaskForge.Integrity.Hashing;
using TaskForge.Integrity.Storage;
using TaskForge.Testing;

namespace TaskForge.Integrity.Tests;

/// <summary>Someone who rewrites the chain table too is caught by the signed checkpoints; a signed redaction is not a break.</summary>
public sealed class ForgeryAndRedactionTests(MartenStoreFixture fixture) : IClassFixture<MartenStoreFixture>
{
    [Fact]
    public async Task A_tail_of_links_recomputed_without_the_key_fails_the_checkpoint_signature()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(80);
        await store.WaitChainedAsync();
        await store.StopChainerAsync();
        var victim = appended[40].Sequence;

        await store.ExecuteAsync($"UPDATE {store.Schema}.mt_events SET data = jsonb_set(data, '{{text}}', '\"forged\"') WHERE seq_id = {victim}");
        // The forger knows the algorithm, not the key: every link from the genesis is recomputed, every checkpoint re-signed.
        await RecomputeChainAsync(store, new Signer(Enumerable.Repeat((byte)7, 32).ToArray()));

        var report = await store.Checker.CheckStoreAsync();
        Assert.False(report.Intact);
        Assert.Equal(IntegrityBreakKind.CheckpointSignatureInvalid, report.FirstBreak!.Kind);
        Assert.Equal(ChainKeys.Global, report.FirstBreak.ChainKey);
        var chain = await store.Checker.CheckChainAsync(appended[40].Workspace ?? ChainKeys.None);
        Assert.Equal(IntegrityBreakKind.CheckpointSignatureInvalid, chain.FirstBreak?.Kind);
    }

    [Fact]
    public async Task A_recomputed_tail_under_the_old_signature_does_not_match_the_checkpoint()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(40);
        await store.WaitChainedAsync();
        await store.StopChainerAsync();

        await store.ExecuteAsync($"UPDATE {store.Schema}.mt_events SET data = jsonb_set(data, '{{text}}', '\"forged\"') WHERE seq_id = {appended[5].Sequence}");
        await RecomputeChainAsync(store, signer: null);

        var report = await store.Checker.CheckStoreAsync();
        Assert.Equal(IntegrityBreakKind.CheckpointMismatch, report.FirstBreak?.Kind);
    }

    [Fact]
    public async Task A_redacted_event_keeps_the_chain_intact_and_is_listed_but_a_later_plain_edit_is_caught()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(60);
        await store.WaitChainedAsync();
        var victim = appended[33];

        var redaction = await store.Redactor.RedactAsync(victim.Sequence,
            """{"index": 33, "text": "note 33", "email": "[forgotten]"}""", "user asked to be forgotten", DateTimeOffset.UtcNow);

        Assert.NotNull(redaction);
        Assert.Equal(1, await store.ScalarAsync($"SELECT count(*) FROM {store.Schema}.mt_events WHERE seq_id = {victim.Sequence} AND data->>'email' = '[forgotten]'"));
        var report = await store.Checker.CheckStoreAsync();
        Assert.True(report.Intact, report.ToString());
        Assert.Equal(1, report.RedactedEvents);
        Assert.True((await store.Checker.CheckStreamAsync(victim.StreamId)).Intact);
        Assert.True((await store.Checker.CheckChainAsync(victim.Workspace ?? ChainKeys.None)).Intact);
        var listed = Assert.Single(await store.Redactions.ListAsync());
        Assert.Equal(victim.Sequence, listed.Sequence);
        Assert.Equal("user asked to be forgotten", listed.Reason);

        await store.ExecuteAsync($"UPDATE {store.Schema}.mt_events SET data = jsonb_set(data, '{{email}}', '\"ann@example.com\"') WHERE seq_id = {victim.Sequence}");
        var edited = await store.Checker.CheckStoreAsync();
        Assert.Equal(victim.Sequence, edited.FirstBreak?.Sequence);
        Assert.Equal(IntegrityBreakKind.DataChanged, edited.FirstBreak!.Kind);
    }

    [Fact]
    public async Task A_redaction_row_edited_without_the_key_is_reported()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(20);
        await store.WaitChainedAsync();
        await store.Redactor.RedactAsync(appended[3].Sequence, """{"index": 3, "text": "[forgotten]", "email": "[forgotten]"}""", "forget", DateTimeOffset.UtcNow);

        await store.ExecuteAsync($"UPDATE {store.Schema}.mt_integrity_redactions SET reason = 'routine cleanup'");

        var report = await store.Checker.CheckStoreAsync();
        Assert.Equal(appended[3].Sequence, report.FirstBreak?.Sequence);
        Assert.Equal(IntegrityBreakKind.RedactionSignatureInvalid, report.FirstBreak!.Kind);
    }

    [Fact]
    public async Task Chain_heads_give_the_link_of_a_chain_at_a_position()
    {
        await using var store = await ChainedStore.CreateAsync(fixture);
        await store.StartChainerAsync();
        var appended = await store.AppendAsync(40);
        await store.WaitChainedAsync();
        var workspace = ChainedStore.Workspaces[0].ToString();
        var middle = appended[20].Sequence;
        var expected = appended.Where(a => a.Workspace == workspace && a.Sequence <= middle).Max(a => a.Sequence);

        var head = await store.Heads.AtAsync(workspace, middle);
        var global = await store.Heads.AtAsync(ChainKeys.Global, long.MaxValue);
        var before = await store.Heads.AtAsync(workspace, 0);

        Assert.Equal(expected, head.Sequence);
        Assert.Equal(appended.Max(a => a.Sequence), head.ChainedThrough);
        Assert.Equal(Convert.ToHexStringLower(await HashAsync(store, $"SELECT chain_hash FROM {store.Schema}.mt_integrity_links WHERE seq = {expected}")), head.LinkHash);
        Assert.Equal(appended.Max(a => a.Sequence), global.Sequence);
        Assert.Equal(Convert.ToHexStringLower(await HashAsync(store, $"SELECT head_hash FROM {store.Schema}.mt_integrity_checkpoints WHERE chain_key = '$all'")), global.LinkHash);
        Assert.Equal((0L, new string('0', 64)), (before.Sequence, before.LinkHash));
    }

    /// <summary>Rewrites every link from the events as they are now, and re-signs the checkpoints with the forger's key (without one, leaves them as they were).</summary>
    private static async Task RecomputeChainAsync(ChainedStore store, Signer? signer)
    {
        var tables = new IntegrityTables(store.Schema);
        var rows = new EventRows(store.DataSource, tables, store.Options);
        var builder = new ChainBuilder(0, EventDigest.Genesis.ToArray());
        var links = new List<ChainLink>();
        await foreach (var e in rows.RangeAsync(0, long.MaxValue, 1000, null, null, CancellationToken.None))
            links.Add(builder.Append(e));
        foreach (var l in links)
        {
            await using var update = store.DataSource.CreateCommand(
                $"UPDATE {tables.Links} SET data_digest = $2, content_digest = $3, chain_hash = $4, global_hash = $5 WHERE seq = $1");
            update.Parameters.AddWithValue(l.Sequence);
            update.Parameters.AddWithValue(l.DataDigest);
            update.Parameters.AddWithValue(l.ContentDigest);
            update.Parameters.AddWithValue(l.ChainHash);
            update.Parameters.AddWithValue(l.GlobalHash);
            await update.ExecuteNonQueryAsync();
        }

        if (signer is null)
            return;
        var heads = builder.Heads.Select(h => (h.Key, h.Value.Sequence, h.Value.Hash)).Append((ChainKeys.Global, builder.GlobalSequence, builder.GlobalHash));
        foreach (var (key, sequence, hash) in heads)
        {
            await using var update = store.DataSource.CreateCommand(
                $"UPDATE {tables.Checkpoints} SET head_hash = $3, signature = $4 WHERE chain_key = $1 AND seq = $2");
            update.Parameters.AddWithValue(key);
            update.Parameters.AddWithValue(sequence);
            update.Parameters.AddWithValue(hash);
            update.Parameters.AddWithValue(signer.Checkpoint(key, sequence, hash));
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
    }

    private static async Task<byte[]> HashAsync(ChainedStore store, string sql)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        return (byte[])(await command.ExecuteScalarAsync())!;
    }
}
