using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TaskForge.Integrity;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Tests.Audit;

/// <summary>
/// GET /audit/workspaces/{id}/export: the workspace's log event for event, resumable, NDJSON and CSV alike, with a manifest; with
/// pages of 3 events, so every export crosses pages and query windows (another workspace's events fall between).
/// </summary>
public sealed class ExportTests(SmallPagesHostFixture api) : IClassFixture<SmallPagesHostFixture>
{
    [Fact]
    public async Task An_export_is_the_workspaces_log_event_for_event_and_ends_with_a_manifest_quoting_the_chain_head()
    {
        var s = await AuditScenario.CreateAsync(api, "export");
        var other = await AuditScenario.CreateAsync(api, "export-other");
        var last = 0L;
        for (var i = 0; i < 12; i++)
            last = await s.RenameAsync(s.Member, $"Title \"{i}\", with a comma");
        var described = await s.Owner.MutateAsync("mutation($id: ID!) { editTaskDescription(input: { taskId: $id, description: \"two\\nlines, \\\"quoted\\\"\" }) { eventId errors { code } } }",
            new { id = s.TaskId });
        last = Math.Max(last, GraphQL.Support.ApiSeed.EventId(described.Payload("editTaskDescription")));
        last = Math.Max(last, await other.RenameAsync(other.Owner, "Other workspace"));
        await api.WaitForLogAsync(last);

        var (status, body) = await AuditExport.GetAsync(s.Auditor, AuditExport.Url(s.WorkspaceId, "ndjson"));
        Assert.Equal(HttpStatusCode.OK, status);
        var (entries, manifest) = AuditExport.Ndjson(body);
        var expected = await LogAsync(s.WorkspaceGuid, AuditExport.Id(manifest.GetProperty("through").GetString()));

        Assert.Equal(expected.Select(e => e.Sequence), entries.Select(e => AuditExport.Id(e.GetProperty("eventId").GetString())));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Id.ToString(), entries[i].GetProperty("id").GetString());
            Assert.Equal(expected[i].EventTypeName, entries[i].GetProperty("type").GetString());
            Assert.Equal(expected[i].StreamKey, entries[i].GetProperty("streamId").GetString());
            Assert.Equal(expected[i].Version, entries[i].GetProperty("version").GetInt64());
            Assert.Equal(expected[i].CorrelationId, entries[i].GetProperty("metadata").GetProperty("correlationId").GetString());
            Assert.True(JsonElement.DeepEquals(
                JsonSerializer.SerializeToElement(expected[i].Data, expected[i].EventType, EventJson.Options), entries[i].GetProperty("data")), entries[i].ToString());
        }

        Assert.Equal(expected.Count, manifest.GetProperty("count").GetInt64());
        Assert.Equal(expected[0].Sequence, AuditExport.Id(manifest.GetProperty("firstEventId").GetString()));
        Assert.Equal(expected[^1].Sequence, AuditExport.Id(manifest.GetProperty("lastEventId").GetString()));
        var head = await api.Factory.Services.GetRequiredService<ChainHeads>().AtAsync(s.WorkspaceGuid.ToString(), expected[^1].Sequence);
        Assert.Equal(expected[^1].Sequence, head.Sequence);
        Assert.Equal(head.LinkHash, manifest.GetProperty("chainHead").GetProperty("linkHash").GetString());
    }

    [Fact]
    public async Task An_export_resumed_after_an_event_id_continues_exactly_and_csv_has_the_same_rows()
    {
        var s = await AuditScenario.CreateAsync(api, "resume");
        s.Owner.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Exporter/1.0 (\"csv\", test)");
        var last = 0L;
        for (var i = 0; i < 8; i++)
            last = await s.RenameAsync(s.Owner, $"Résumé, \"{i}\"");
        await api.WaitForLogAsync(last);

        var (_, whole) = await AuditExport.GetAsync(s.Owner, AuditExport.Url(s.WorkspaceId));
        var (all, wholeManifest) = AuditExport.Ndjson(whole);
        var cut = all[all.Count / 2].GetProperty("eventId").GetString()!;
        var (_, rest) = await AuditExport.GetAsync(s.Owner, AuditExport.Url(s.WorkspaceId, "ndjson", cut));
        var (resumed, restManifest) = AuditExport.Ndjson(rest);
        Assert.Equal(all.Skip(all.Count / 2 + 1).Select(e => e.GetRawText()), resumed.Select(e => e.GetRawText()));
        Assert.Equal(cut, restManifest.GetProperty("after").GetString());
        Assert.Equal(wholeManifest.GetProperty("chainHead").GetProperty("linkHash").GetString(), restManifest.GetProperty("chainHead").GetProperty("linkHash").GetString());

        var (csvStatus, csv) = await AuditExport.GetAsync(s.Owner, AuditExport.Url(s.WorkspaceGuid.ToString(), "csv"));
        Assert.Equal(HttpStatusCode.OK, csvStatus);
        var (rows, csvManifest) = AuditExport.Csv(csv);
        Assert.Equal(all.Count, rows.Count);
        for (var i = 0; i < all.Count; i++)
        {
            Assert.Equal(all[i].GetProperty("eventId").GetString(), rows[i]["eventId"]);
            Assert.Equal(all[i].GetProperty("type").GetString(), rows[i]["type"]);
            Assert.Equal(all[i].GetProperty("streamId").GetString(), rows[i]["streamId"]);
            Assert.Equal(all[i].GetProperty("metadata").GetProperty("userAgent").GetString() ?? "", rows[i]["userAgent"] ?? "");
            Assert.Equal(all[i].GetProperty("metadata").GetProperty("clientIp").GetString() ?? "", rows[i]["clientIp"] ?? "");
            Assert.True(JsonElement.DeepEquals(all[i].GetProperty("data"), JsonDocument.Parse(rows[i]["data"]!).RootElement));
        }

        Assert.Equal(wholeManifest.GetProperty("lastEventId").GetString(), csvManifest.GetProperty("lastEventId").GetString());
        Assert.Equal(all.Count, csvManifest.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Only_owners_and_auditors_may_export_by_token_or_api_key_and_bad_requests_get_4xx()
    {
        var s = await AuditScenario.CreateAsync(api, "export-roles");
        await api.WaitForLogAsync(s.LastEventId);

        foreach (var allowed in new[] { s.Owner, s.Auditor })
            Assert.Equal(HttpStatusCode.OK, (await AuditExport.GetAsync(allowed, AuditExport.Url(s.WorkspaceId, "csv"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await AuditExport.GetAsync(s.Admin, AuditExport.Url(s.WorkspaceId))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await AuditExport.GetAsync(s.Member, AuditExport.Url(s.WorkspaceId))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await AuditExport.GetAsync(s.Viewer, AuditExport.Url(s.WorkspaceId))).Status);
        var (strangerStatus, strangerBody) = await AuditExport.GetAsync(s.Stranger, AuditExport.Url(s.WorkspaceId));
        Assert.Equal(HttpStatusCode.NotFound, strangerStatus);
        Assert.Contains("NOT_FOUND", strangerBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await AuditExport.GetAsync(s.Owner, AuditExport.Url(Guid.NewGuid().ToString()))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuditExport.GetAsync(api.Anonymous(), AuditExport.Url(s.WorkspaceId))).Status);

        // An auditor's API key works as their bearer token does.
        var key = (await s.Auditor.MutateAsync("mutation { createApiKey(input: { name: \"exports\" }) { key errors { code } } }")).Payload("createApiKey")
            .GetProperty("key").GetString()!;
        using var byKey = api.Anonymous();
        byKey.Http.DefaultRequestHeaders.Add("X-API-Key", key);
        var (keyStatus, keyBody) = await AuditExport.GetAsync(byKey, AuditExport.Url(s.WorkspaceId));
        Assert.Equal(HttpStatusCode.OK, keyStatus);
        Assert.Equal(AuditExport.Ndjson(keyBody).Entries.Count, AuditExport.Ndjson(keyBody).Manifest.GetProperty("count").GetInt32());
        using var badKey = api.Anonymous();
        badKey.Http.DefaultRequestHeaders.Add("X-API-Key", key + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await AuditExport.GetAsync(badKey, AuditExport.Url(s.WorkspaceId))).Status);

        foreach (var bad in new[] { AuditExport.Url(s.WorkspaceId, "xml"), AuditExport.Url(s.WorkspaceId, "csv", "-1"), AuditExport.Url(s.WorkspaceId, "csv", "abc"),
                     AuditExport.Url(s.WorkspaceId, "csv", "99999999999999999999"), AuditExport.Url("not-an-id"), AuditExport.Url(s.ProjectId) })
        {
            var (status, body) = await AuditExport.GetAsync(s.Owner, bad);
            Assert.True(status == HttpStatusCode.BadRequest, $"{bad}: {status} {body}");
            Assert.Contains("VALIDATION", body, StringComparison.Ordinal);
        }
    }

    /// <summary>The oracle: the workspace's events read through Marten directly, up to the export's bound.</summary>
    private async Task<IReadOnlyList<JasperFx.Events.IEvent>> LogAsync(Guid workspaceId, long through)
    {
        await using var session = api.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence <= through).OrderBy(e => e.Sequence).ToListAsync();
        return [.. events.Where(e => e.WorkspaceId() == workspaceId)];
    }
}
