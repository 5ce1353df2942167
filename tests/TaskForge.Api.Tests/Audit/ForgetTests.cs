using System.Globalization;
using System.Net;
using TaskForge.Api.Tests.GraphQL.Support;
using TaskForge.Testing;

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
    public async Task After_forgetting_a_rebuild_of_every_read_model_from_the_log_brings_no_email_back()
    {
        var s = await AuditScenario.CreateAsync(api, "rebuild");
        var comment = await s.Owner.MutateAsync("mutation($id: ID!, $b: String!) { addComment(input: { taskId: $id, body: $b }) { eventId errors { code } } }",
            new { id = s.TaskId, b = $"Over to you, @{s.Member.Email}" });
        await api.WaitForLogAsync(ApiSeed.EventId(comment.Payload("addComment")));
        var email = s.Member.Email!;
        _ = (await s.Member.MutateAsync(ForgetMe, new { e = email })).Payload("forgetMe");
        var last = await CountAsync("SELECT max(seq_id) FROM taskforge.mt_events");

        // A second TaskForge host on a fresh schema holding a copy of the (redacted) log rebuilds every read model from it.
        await LogCopy.CopyAsync(api.DataSource, api.ConnectionString, "taskforge", "rebuilt");
        await using var rebuilt = new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:TaskForge", api.ConnectionString);
            host.UseSetting("TaskForge:Schema", "rebuilt");
            host.UseSetting("TaskForge:SoloNode", "true");
            host.UseSetting("Auth:SigningKey", Convert.ToBase64String(api.SigningKey));
        });
        var waiter = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Schema.ProjectionWaiter>(rebuilt.Services);
        Assert.True(await waiter.WaitAsync(last, Schema.ReadModelNames.All, TimeSpan.FromSeconds(120), CancellationToken.None), "the rebuild did not catch up");

        Assert.Equal(0, await ReadModelRowsMentioningAsync(email, "rebuilt"));
        Assert.True(await CountAsync($"SELECT count(*) FROM rebuilt.workspace_members WHERE email LIKE 'forgotten-%@forgotten.invalid'") >= 1);
    }

    [Fact]
    public async Task Only_owners_and_auditors_verify_integrity()
    {
        var s = await AuditScenario.CreateAsync(api, "verify-roles");
        Assert.True((await s.Owner.QueryAsync(Verify, new { ws = s.WorkspaceId })).Data("verifyIntegrity").GetProperty("intact").GetBoolean());
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await s.Admin.QueryAsync(Verify, new { ws = s.WorkspaceId })));
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await s.Member.QueryAsync(Verify, new { ws = s.WorkspaceId })));
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await s.Viewer.QueryAsync(Verify, new { ws = s.WorkspaceId })));
        Assert.Equal("NOT_FOUND", AuditQueries.ErrorOf(await s.Stranger.QueryAsync(Verify, new { ws = s.WorkspaceId })));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await s.Owner.QueryAsync(Verify, new { ws = "x" })));
    }

    [Fact]
    public async Task Verify_integrity_of_one_stream_names_its_first_broken_link_and_a_stream_of_another_workspace_is_not_found()
    {
        var s = await AuditScenario.CreateAsync(api, "verify-stream");
        var other = await AuditScenario.CreateAsync(api, "verify-other");
        var rename = await s.RenameAsync(s.Owner, "Renamed once");
        await api.WaitForLogAsync(rename);
        var stream = $"task-{Schema.GlobalId.TryParse(s.TaskId)!.Parts[2]:N}";
        var otherStream = $"task-{Schema.GlobalId.TryParse(other.TaskId)!.Parts[2]:N}";
        const string VerifyStream = "query($ws: ID!, $s: String) { verifyIntegrity(workspaceId: $ws, streamId: $s) { intact eventsChecked firstBreak { eventId streamId what } } }";

        var intact = (await s.Auditor.QueryAsync(VerifyStream, new { ws = s.WorkspaceId, s = stream })).Data("verifyIntegrity");
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
        Assert.True(intact.GetProperty("eventsChecked").GetInt32() >= 2, intact.ToString());
        Assert.Equal("NOT_FOUND", AuditQueries.ErrorOf(await s.Auditor.QueryAsync(VerifyStream, new { ws = s.WorkspaceId, s = otherStream })));
        Assert.Equal("NOT_FOUND", AuditQueries.ErrorOf(await s.Auditor.QueryAsync(VerifyStream, new { ws = s.WorkspaceId, s = "task-nothing" })));
        Assert.Equal("VALIDATION", AuditQueries.ErrorOf(await s.Auditor.QueryAsync(VerifyStream, new { ws = s.WorkspaceId, s = "" })));
        Assert.Equal("FORBIDDEN", AuditQueries.ErrorOf(await s.Member.QueryAsync(VerifyStream, new { ws = s.WorkspaceId, s = stream })));

        await ExecuteAsync($"UPDATE taskforge.mt_events SET data = jsonb_set(data, '{{title}}', '\"forged\"') WHERE seq_id = {rename}");
        var broken = (await s.Auditor.QueryAsync(VerifyStream, new { ws = s.WorkspaceId, s = stream })).Data("verifyIntegrity");
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal((rename.ToString(CultureInfo.InvariantCulture), stream, "data changed"),
            (broken.GetProperty("firstBreak").GetProperty("eventId").GetString(), broken.GetProperty("firstBreak").GetProperty("streamId").GetString(),
                broken.GetProperty("firstBreak").GetProperty("what").GetString()));
        // The other workspace's chain is untouched by this one's forgery.
        var untouched = (await other.Auditor.QueryAsync(VerifyStream, new { ws = other.WorkspaceId, s = otherStream })).Data("verifyIntegrity");
        Assert.True(untouched.GetProperty("intact").GetBoolean(), untouched.ToString());
    }

    private static System.Text.Json.JsonValueKind JsonNull => System.Text.Json.JsonValueKind.Null;

    /// <summary>Rows of any read-model table (not Marten's or Wolverine's) whose text, all columns together, mentions the value.</summary>
    private async Task<long> ReadModelRowsMentioningAsync(string value, string schema = "taskforge")
    {
        var tables = new List<string>();
        await using (var command = api.DataSource.CreateCommand(
            $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{schema}' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'mt\\_%' AND table_name NOT LIKE 'wolverine%'"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        Assert.Contains(tables, t => t.StartsWith("workspace_members", StringComparison.Ordinal));
        long total = 0;
        foreach (var table in tables)
            total += await CountAsync($"SELECT count(*) FROM {schema}.\"{table}\" t WHERE t::text ILIKE '%{value}%'");
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
