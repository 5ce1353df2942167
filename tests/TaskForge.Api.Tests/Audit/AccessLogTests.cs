using System.Net;

namespace TaskForge.Api.Tests.Audit;

/// <summary>Reading the audit log, time travelling, exporting and checking integrity are recorded and listed in <c>auditAccessLog</c>.</summary>
public sealed class AccessLogTests(AuditHostFixture api) : IClassFixture<AuditHostFixture>
{
    private const string Log = """
        query($ws: ID!, $first: Int, $after: String) { auditAccessLog(workspaceId: $ws, first: $first, after: $after) {
          edges { cursor node { action actorId actor { id } detail at clientIp userAgent } } pageInfo { hasNextPage endCursor } } }
        """;

    [Fact]
    public async Task Every_access_by_an_auditor_shows_up_newest_first_with_who_and_from_where()
    {
        var s = await AuditScenario.CreateAsync(api, "access");
        await api.WaitForLogAsync(s.LastEventId);
        s.Auditor.Http.DefaultRequestHeaders.UserAgent.ParseAdd("AuditorBrowser/2.0");

        _ = (await AuditQueries.LogAsync(s.Auditor, s.WorkspaceId, new { eventTypes = new[] { "TaskCreated" } })).Data("auditLog");
        _ = (await s.Auditor.QueryAsync("query($id: ID!) { taskAsOf(id: $id, atEventId: \"1\") { version } }", new { id = s.TaskId })).Data("taskAsOf");
        Assert.Equal(HttpStatusCode.OK, (await AuditExport.GetAsync(s.Auditor, AuditExport.Url(s.WorkspaceId, "csv"))).Status);
        _ = (await s.Owner.QueryAsync("query($ws: ID!) { verifyIntegrity(workspaceId: $ws) { intact } }", new { ws = s.WorkspaceId })).Data("verifyIntegrity");
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await AuditQueries.LogAsync(s.Member, s.WorkspaceId)));

        var first = (await s.Owner.QueryAsync(Log, new { ws = s.WorkspaceId, first = 3 })).Data("auditAccessLog");
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await s.Owner.QueryAsync(Log, new { ws = s.WorkspaceId, first = 3, after = cursor })).Data("auditAccessLog");
        var nodes = first.GetProperty("edges").EnumerateArray().Concat(second.GetProperty("edges").EnumerateArray()).Select(e => e.GetProperty("node")).ToList();

        Assert.Equal(["INTEGRITY_VERIFIED", "EXPORTED", "STATE_READ", "AUDIT_LOG_READ"], nodes.Select(n => n.GetProperty("action").GetString()));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(s.Owner.UserId, nodes[0].GetProperty("actorId").GetString());
        Assert.All(nodes.Skip(1), n => Assert.Equal(s.Auditor.UserId, n.GetProperty("actor").GetProperty("id").GetString()));
        Assert.All(nodes.Skip(1), n => Assert.Equal("AuditorBrowser/2.0", n.GetProperty("userAgent").GetString()));
        Assert.All(nodes, n => Assert.False(string.IsNullOrEmpty(n.GetProperty("clientIp").GetString())));
        Assert.Contains("types=TaskCreated", nodes[3].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("format=csv", nodes[1].GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await s.Viewer.QueryAsync(Log, new { ws = s.WorkspaceId })));
        Assert.Equal("NOT_FOUND", AuditQueries.ErrorOf(await s.Stranger.QueryAsync(Log, new { ws = s.WorkspaceId })));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await s.Owner.QueryAsync(Log, new { ws = s.WorkspaceId, after = "bm90LWEtY3Vyc29y" })));
    }
}
