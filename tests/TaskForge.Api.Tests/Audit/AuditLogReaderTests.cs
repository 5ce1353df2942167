using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TaskForge.Api.Audit;
using TaskForge.Integrity;
using TaskForge.Storage.EventLog;

namespace TaskForge.Api.Tests.Audit;

/// <summary>
/// The audit log's pages come from the workspace's hash-chain links up to the chain's head and from a header scan
/// after it (ADR 126). Whatever the chain has reached, every page equals the header scan over the whole log.
/// </summary>
public sealed class AuditLogReaderTests(AuditHostFixture api) : IClassFixture<AuditHostFixture>
{
    [Fact]
    public async Task Given_two_workspaces_and_the_chain_at_several_points_When_paging_the_log_Then_every_page_equals_a_scan_by_header()
    {
        var first = await AuditScenario.CreateAsync(api, "reader-a");
        var second = await AuditScenario.CreateAsync(api, "reader-b");
        for (var i = 0; i < 4; i++)
        {
            await first.RenameAsync(first.Owner, $"A {i}");
            await second.RenameAsync(second.Owner, $"B {i}");
        }

        var last = await first.RenameAsync(first.Member, "A last");
        await api.WaitForLogAsync(last);
        var services = api.Factory.Services;
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var options = services.GetRequiredService<AuditOptions>();
        var integrity = services.GetRequiredService<IntegrityOptions>();
        var through = await services.GetRequiredService<HighWaterMark>().ReadAsync();
        var byHeader = new AuditLogReader(dataSource, options);
        var readers = new List<(string Name, AuditLogReader Reader)> { ("chain at its head", services.GetRequiredService<AuditLogReader>()) };
        foreach (var upTo in new[] { 0, first.LastEventId, second.LastEventId + 3 })
            readers.Add(($"chain through {upTo}", new AuditLogReader(dataSource, options, await PartialChainAsync(dataSource, integrity, upTo))));

        var filters = new[]
        {
            AuditLogFilter.None,
            new AuditLogFilter(EventTypes: ["TaskRenamed"]),
            new AuditLogFilter(ActorId: TaskForge.Api.Schema.GlobalId.TryParse(first.Member.UserId!)!.Parts[0]),
        };
        foreach (var workspace in new[] { first.WorkspaceGuid, second.WorkspaceGuid })
        foreach (var filter in filters)
        foreach (var order in new[] { AuditOrder.OldestFirst, AuditOrder.NewestFirst })
        foreach (var pageSize in new[] { 1, 3, 50 })
        {
            var expected = await AllPagesAsync(byHeader, workspace, filter, order, pageSize, through);
            if (filter.ActorId is null || workspace == first.WorkspaceGuid)
                Assert.NotEmpty(expected);
            foreach (var (name, reader) in readers)
                Assert.True(expected.SequenceEqual(await AllPagesAsync(reader, workspace, filter, order, pageSize, through)), $"{name}, {filter}, {order}, pages of {pageSize}");
        }
    }

    /// <summary>A copy of the chain's links up to <paramref name="upTo"/> in a schema of its own: the chain as it was then.</summary>
    private static async Task<IntegrityOptions> PartialChainAsync(NpgsqlDataSource dataSource, IntegrityOptions integrity, long upTo)
    {
        var schema = "partial_chain_" + Guid.NewGuid().ToString("N")[..8];
        await using var command = dataSource.CreateCommand($"""
            CREATE SCHEMA {schema};
            CREATE TABLE {schema}.mt_integrity_links AS SELECT * FROM {integrity.Schema}.mt_integrity_links WHERE seq <= {upTo};
            CREATE INDEX ON {schema}.mt_integrity_links (chain_key, seq);
            """);
        await command.ExecuteNonQueryAsync();
        return new IntegrityOptions { Schema = schema, ChainKeyHeader = integrity.ChainKeyHeader, SigningKey = integrity.SigningKey };
    }

    private static async Task<List<long>> AllPagesAsync(AuditLogReader reader, Guid workspace, AuditLogFilter filter, AuditOrder order, int pageSize, long through)
    {
        var ids = new List<long>();
        long? cursor = null;
        while (true)
        {
            var page = await reader.ReadPageAsync(workspace, filter, cursor, order, pageSize, through, default);
            ids.AddRange(page.Select(e => e.EventId));
            if (page.Count < pageSize)
                return ids;
            cursor = page[^1].EventId;
        }
    }
}
