using System.Globalization;
using System.Net;
using TaskForge.Api.Tests.GraphQL.Support;

namespace TaskForge.Api.Tests.Audit;

/// <summary>
/// <c>forgetMe</c>: the user's email and name leave the read models, the log (signed redactions), the audit log and new
/// exports; the chain still checks intact, and an edit made afterwards is still caught.
/// </summary>
public sealed class ForgetTests(AuditHostFixture api) : IClassFixture<AuditHostFixture>
{
    private const string Verify = """
        query($ws: ID!) { verifyIntegrity(workspaceId: $ws) { intact eventsChecked redactedEvents chainedThrough firstBreak { eventId streamId version what detail } } }
        """;

    private const string ForgetMe = "mutation($e: String!) { forgetMe(input: { confirmEmail: $e }) { forgotten redactedEvents errors { code field } } }";

    [Fact]
    public async Task A_forgotten_users_email_and_name_are_gone_everywhere_and_the_chain_is_still_intact_then_a_forgery_is_caught()
    {
        var s = await AuditScenario.CreateAsync(api, "forget");
        var comment = await s.Owner.MutateAsync("mutation($id: ID!, $b: String!) { addComment(input: { taskId: $id, body: $b }) { eventId errors { code } } }",
            new { id = s.TaskId, b = $"Please review, @{s.Member.Email}." });
        var rename = await s.RenameAsync(s.Member, "Renamed before forgetting");
        await api.WaitForLogAsync(Math.Max(rename, ApiSeed.EventId(comment.Payload("addComment"))));
        var email = s.Member.Email!;
        Assert.True(await CountAsync($"SELECT count(*) FROM taskforge.mt_events WHERE data::text ILIKE '%{email}%'") >= 3);

        var refused = (await s.Member.MutateAsync(ForgetMe, new { e = "someone-else@example.com" })).Data("forgetMe");
        Assert.False(refused.GetProperty("forgotten").GetBoolean());
        Assert.Equal("VALIDATION", refused.GetProperty("errors")[0].GetProperty("code").GetString());

        var forgotten = (await s.Member.MutateAsync(ForgetMe, new { e = email.ToUpperInvariant() })).Payload("forgetMe");
        Assert.True(forgotten.GetProperty("forgotten").GetBoolean());
        Assert.True(forgotten.GetProperty("redactedEvents").GetInt32() >= 3, forgotten.ToString());

        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM taskforge.mt_events WHERE data::text ILIKE '%{email}%'"));
        Assert.Equal(0, await ReadModelRowsMentioningAsync(email));
        var me = (await s.Member.QueryAsync("{ me { email name } }")).Data("me");
        Assert.Equal($"forgotten-{Schema.GlobalId.TryParse(s.Member.UserId)!.Parts[0]:N}@forgotten.invalid", me.GetProperty("email").GetString());
        Assert.Equal("Forgotten user", me.GetProperty("name").GetString());
        var members = (await s.Owner.QueryAsync("query($id: ID!) { workspace(id: $id) { members(first: 50) { nodes { user { id email name } } } } }",
            new { id = s.WorkspaceId })).Data("workspace").ToString();
        Assert.DoesNotContain(email, members, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Forgotten user", members, StringComparison.Ordinal);

        var log = await AuditQueries.AllAsync(s.Auditor, s.WorkspaceId, first: 50);
        Assert.DoesNotContain(email, string.Join("\n", log.Select(e => e.GetRawText())), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(log, e => e.GetProperty("data").GetRawText().Contains("@forgotten.invalid", StringComparison.Ordinal));
        var (status, export) = await AuditExport.GetAsync(s.Auditor, AuditExport.Url(s.WorkspaceId, "csv"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(email, export, StringComparison.OrdinalIgnoreCase);

        var intact = (await s.Auditor.QueryAsync(Verify, new { ws = s.WorkspaceId })).Data("verifyIntegrity");
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        Assert.True(intact.GetProperty("redactedEvents").GetInt32() >= 2, intact.ToString());
        Assert.Equal(JsonNull, intact.GetProperty("firstBreak").ValueKind);

        var access = (await s.Owner.QueryAsync("query($ws: ID!) { auditAccessLog(workspaceId: $ws) { nodes { action } } }", new { ws = s.WorkspaceId })).Data("auditAccessLog");
        Assert.Contains(access.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("action").GetString() == "USER_FORGOTTEN");

        await ExecuteAsync($"UPDATE taskforge.mt_events SET data = jsonb_set(data, '{{title}}', '\"forged\"') WHERE seq_id = {rename}");
        var broken = (await s.Auditor.QueryAsync(Verify, new { ws = s.WorkspaceId })).Data("verifyIntegrity");
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(rename.ToString(CultureInfo.InvariantCulture), broken.GetProperty("firstBreak").GetProperty("eventId").GetString());
        Assert.Equal("data changed", broken.GetProperty("firstBreak").GetProperty("what").GetString());
    }

    [Fact]
    public async Task Only_owners_admins_and_auditors_verify_integrity()
    {
        var s = await AuditScenario.CreateAsync(api, "verify-roles");
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await s.Member.QueryAsync(Verify, new { ws = s.WorkspaceId })));
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await s.Viewer.QueryAsync(Verify, new { ws = s.WorkspaceId })));
        Assert.Equal("NOT_FOUND", AuditQueries.ErrorOf(await s.Stranger.QueryAsync(Verify, new { ws = s.WorkspaceId })));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await s.Owner.QueryAsync(Verify, new { ws = "x" })));
    }

    private static System.Text.Json.JsonValueKind JsonNull => System.Text.Json.JsonValueKind.Null;

    /// <summary>Rows of any read-model table (not Marten's or Wolverine's) whose text, all columns together, mentions the value.</summary>
    private async Task<long> ReadModelRowsMentioningAsync(string value)
    {
        var tables = new List<string>();
        await using (var command = api.DataSource.CreateCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'taskforge' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'mt\\_%' AND table_name NOT LIKE 'wolverine%'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        Assert.Contains(tables, t => t.StartsWith("workspace_members", StringComparison.Ordinal));
        long total = 0;
        foreach (var table in tables)
            total += await CountAsync($"SELECT count(*) FROM taskforge.\"{table}\" t WHERE t::text ILIKE '%{value}%'");
        return total;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var command = api.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = api.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
