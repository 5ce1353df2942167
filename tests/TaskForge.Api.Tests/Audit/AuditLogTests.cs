using System.Globalization;
using System.Net;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Audit;

/// <summary>The <c>auditLog</c> query over HTTP: who may read it, what an entry says, pages, filters, diffs and bad input.</summary>
public sealed class AuditLogTests(AuditHostFixture api) : IClassFixture<AuditHostFixture>
{
    [Fact]
    public async Task Owners_and_auditors_read_the_log_admins_members_and_viewers_are_forbidden_and_strangers_find_nothing()
    {
        var s = await AuditScenario.CreateAsync(api, "roles");
        await api.WaitForLogAsync(s.LastEventId);

        foreach (var reader in new[] { s.Owner, s.Auditor })
            Assert.NotEmpty((await AuditQueries.LogAsync(reader, s.WorkspaceId)).Data("auditLog").GetProperty("edges").EnumerateArray());
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Admin, s.WorkspaceId)));
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Member, s.WorkspaceId)));
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Viewer, s.WorkspaceId)));
        Assert.Equal("NOT_FOUND", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Stranger, s.WorkspaceId)));
        Assert.Equal("NOT_FOUND", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Owner, Schema.GlobalId.Workspace(Guid.NewGuid()))));
        Assert.Equal("UNAUTHENTICATED", AuditQueries.ErrorOf(await AuditQueries.LogAsync(api.Anonymous(), s.WorkspaceId)));
    }

    [Fact]
    public async Task A_mutation_sent_with_a_user_agent_has_its_client_ip_and_user_agent_in_its_audit_entry()
    {
        var s = await AuditScenario.CreateAsync(api, "origin");
        s.Member.Http.DefaultRequestHeaders.UserAgent.ParseAdd("TaskForgeAuditTest/1.0 (origin)");
        s.Member.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        var renamed = await s.RenameAsync(s.Member, "Renamed by a member");
        await api.WaitForLogAsync(renamed);

        var entries = await AuditQueries.AllAsync(s.Auditor, s.WorkspaceId, new { eventTypes = new[] { "TaskRenamed" } });
        var entry = Assert.Single(entries);
        Assert.Equal(renamed, AuditScenario.Id(entry.GetProperty("eventId")));
        var metadata = entry.GetProperty("metadata");
        Assert.Equal("TaskForgeAuditTest/1.0 (origin)", metadata.GetProperty("userAgent").GetString());
        // Proxies are not trusted by default: the connection's own address, never the header's claim.
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(metadata.GetProperty("clientIp").GetString()!)), entry.ToString());
        Assert.Equal(s.Member.UserId, metadata.GetProperty("actorId").GetString());
        Assert.Equal(s.Member.UserId, metadata.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("127.0.0.1", metadata.GetProperty("headers").GetProperty("client-ip").GetString());
        Assert.False(string.IsNullOrEmpty(metadata.GetProperty("correlationId").GetString()));
        Assert.False(string.IsNullOrEmpty(metadata.GetProperty("causationId").GetString()));
        Assert.Equal("RenameTask", metadata.GetProperty("headers").GetProperty("command-type").GetString());
    }

    [Fact]
    public async Task Diffs_name_the_fields_an_edit_changed_with_their_values_before_and_after()
    {
        var s = await AuditScenario.CreateAsync(api, "diffs");
        var renamed = await s.RenameAsync(s.Owner, "Second title");
        await api.WaitForLogAsync(renamed);

        var response = await s.Auditor.QueryAsync("""
            query($ws: ID!) { auditLog(workspaceId: $ws, filter: { eventTypes: ["TaskRenamed", "TaskCreated"] }) {
              nodes { eventId type changes { field before after } } } }
            """, new { ws = s.WorkspaceId });
        var nodes = response.Data("auditLog").GetProperty("nodes").EnumerateArray().ToList();
        var rename = nodes.Single(n => n.GetProperty("type").GetString() == "TaskRenamed");
        var change = Assert.Single(rename.GetProperty("changes").EnumerateArray());
        Assert.Equal("title", change.GetProperty("field").GetString());
        Assert.Equal("First title", change.GetProperty("before").GetString());
        Assert.Equal("Second title", change.GetProperty("after").GetString());

        var created = nodes.Single(n => n.GetProperty("type").GetString() == "TaskCreated").GetProperty("changes").EnumerateArray().ToList();
        var state = created.Single(c => c.GetProperty("field").GetString() == "state");
        Assert.Equal("NotCreated", state.GetProperty("before").GetString());
        Assert.Equal("Active", state.GetProperty("after").GetString());
        Assert.Contains(created, c => c.GetProperty("field").GetString() == "title" && c.GetProperty("after").GetString() == "First title");
    }

    [Fact]
    public async Task Pages_in_both_orders_and_filters_give_the_log_without_gap_or_duplicate()
    {
        var s = await AuditScenario.CreateAsync(api, "pages");
        var last = 0L;
        for (var i = 0; i < 5; i++)
            last = await s.RenameAsync(i % 2 == 0 ? s.Owner : s.Member, $"Title {i}");
        await api.WaitForLogAsync(last);

        var oldest = await AuditQueries.AllAsync(s.Auditor, s.WorkspaceId, first: 4);
        var newest = await AuditQueries.AllAsync(s.Auditor, s.WorkspaceId, order: "NEWEST_FIRST", first: 3);
        var ids = oldest.Select(e => AuditScenario.Id(e.GetProperty("eventId"))).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.AsEnumerable().Reverse(), newest.Select(e => AuditScenario.Id(e.GetProperty("eventId"))));
        Assert.Equal(last, ids[^1]);

        var byMember = await AuditQueries.AllAsync(s.Auditor, s.WorkspaceId, new { actor = s.Member.UserId, eventTypes = new[] { "TaskRenamed" } });
        Assert.Equal(2, byMember.Count);
        var taskStream = byMember[0].GetProperty("streamId").GetString();
        var ofTask = await AuditQueries.AllAsync(s.Auditor, s.WorkspaceId, new { streamId = taskStream });
        Assert.Equal(oldest.Count(e => e.GetProperty("streamId").GetString() == taskStream), ofTask.Count);
        Assert.Equal(6, ofTask.Count(e => e.GetProperty("type").GetString() is "TaskCreated" or "TaskRenamed"));
        Assert.All(ofTask, e => Assert.Equal(taskStream, e.GetProperty("streamId").GetString()));

        var middle = oldest[ids.Count / 2].GetProperty("recordedAt").GetDateTimeOffset();
        var since = await AuditQueries.AllAsync(s.Auditor, s.WorkspaceId, new { from = middle.ToString("O", CultureInfo.InvariantCulture) });
        Assert.Equal(oldest.Where(e => e.GetProperty("recordedAt").GetDateTimeOffset() >= middle).Count(), since.Count);
        var future = await AuditQueries.AllAsync(s.Auditor, s.WorkspaceId, new { from = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture) });
        Assert.Empty(future);
    }

    [Fact]
    public async Task Bad_ids_cursors_ranges_and_sizes_are_validation_errors()
    {
        var s = await AuditScenario.CreateAsync(api, "bad");
        var from = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.UtcNow.AddDays(-1).ToString("O", CultureInfo.InvariantCulture);

        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Owner, "not-an-id")));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Owner, s.ProjectId)));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Owner, s.WorkspaceId, after: "%%%")));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Owner, s.WorkspaceId, after: "YWJj")));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Owner, s.WorkspaceId, new { from, to })));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Owner, s.WorkspaceId, new { actor = s.WorkspaceId })));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Owner, s.WorkspaceId, first: 0)));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Owner, s.WorkspaceId, first: 201)));
        var badOrder = await s.Owner.QueryAsync(AuditQueries.Log, new { ws = s.WorkspaceId, order = "SIDEWAYS" });
        Assert.True(badOrder.HasErrors, badOrder.Text);
        Assert.NotEqual(HttpStatusCode.InternalServerError, badOrder.Status);
        var asOf = await s.Owner.QueryAsync("query($id: ID!) { taskAsOf(id: $id) { version } }", new { id = s.TaskId });
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(asOf));
    }
}
