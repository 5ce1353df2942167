using System.Text.Json;
using TaskForge.Api.Tests.Interop.Support;

namespace TaskForge.Api.Tests.Interop;

/// <summary>
/// GraphiQL as a new user meets it, in a real browser: Debian's Chromium driven by playwright-core (graphiql-browser.mjs)
/// against the whole host on a TCP port. The page loads nothing from another origin, GraphiQL fetches the schema, the
/// login mutation works while the header template still holds its placeholder, `me` answers once the token is pasted, and
/// a subscription started from the editor (graphql-ws, signed in by the Headers editor) shows a rename made elsewhere.
/// </summary>
public sealed class GraphiQLBrowserTests(KestrelApiHostFixture api) : IClassFixture<KestrelApiHostFixture>
{
    [Fact]
    public async Task A_new_user_signs_in_from_GraphiQL_reads_me_and_watches_a_change_arrive_live_with_no_internet()
    {
        using var user = await api.SignUpAsync("browser");
        var origin = api.Url.GetLeftPart(UriPartial.Authority);

        using var output = JsonDocument.Parse(await JsClients.RunAsync(
            "graphiql-browser.mjs", [origin, user.Email!, "correct horse battery staple"], TimeSpan.FromMinutes(3)));
        var report = output.RootElement;

        Assert.True(report.GetProperty("step").GetString() == "done", report.GetRawText());
        Assert.Empty(report.GetProperty("pageErrors").EnumerateArray());
        Assert.Empty(report.GetProperty("foreignRequests").EnumerateArray());
        Assert.True(report.GetProperty("schemaLoaded").GetBoolean());
        Assert.Equal(user.Email, report.GetProperty("me").GetString());
        Assert.True(report.GetProperty("live").GetBoolean());
        Assert.Equal("WorkspaceRenamed", report.GetProperty("liveEvent").GetString());
        Assert.Equal(["/graphql"], report.GetProperty("websockets").EnumerateArray().Select(w => w.GetString()).Distinct());
        var requests = report.GetProperty("requests").EnumerateArray()
            .Select(r => (Kind: r.GetProperty("kind").GetString(), Status: r.GetProperty("status").GetInt32(), Authorization: r.GetProperty("authorization").GetString()))
            .ToList();
        Assert.Contains(("introspection", 200, (string?)null), requests);
        Assert.Contains(("login", 200, (string?)null), requests);
        Assert.Contains(("query", 200, "token"), requests);
        Assert.DoesNotContain(requests, r => r.Authorization == "placeholder");
    }
}
