using System.Text.Json;
using TaskForge.Api.Tests.Interop.Support;
using Xunit.Abstractions;

namespace TaskForge.Api.Tests.Interop;

/// <summary>
/// graphql-http's server audit (GraphQL over HTTP conformance) against TaskForge's own /graphql, with its whole
/// middleware (authentication, rate limiting, the refusal of bad credentials, the body limit) in front of the engine.
/// The audits send <c>{ __typename }</c> and broken variants of it, which TaskForge answers anonymously.
/// Last run: MUST 13/13, SHOULD 23/23, MAY 25/25 ok, as on the engine's sample server. The host's burst is raised
/// (ApiHostFixture): with the default anonymous burst of 50 the audit's ~60 requests from one IP get 429 for the last
/// ones, and two MUSTs ("accept POST requests", "accept application/json POST requests") fail on that alone.
/// </summary>
public sealed class GraphQLHttpAuditTests(KestrelApiHostFixture api, ITestOutputHelper output) : IClassFixture<KestrelApiHostFixture>
{
    [Fact]
    public async Task Every_MUST_audit_passes_against_TaskForge_and_the_SHOULD_and_MAY_results_are_listed()
    {
        using var json = JsonDocument.Parse(await JsClients.RunAsync("audit.mjs", [api.Url.ToString()]));
        var audits = json.RootElement.EnumerateArray().ToList();
        static string Level(JsonElement audit) => audit.GetProperty("name").GetString()!.Split(' ')[0];
        static string Status(JsonElement audit) => audit.GetProperty("status").GetString()!;

        foreach (var group in audits.GroupBy(a => (Level: Level(a), Status: Status(a))).OrderBy(g => g.Key))
            output.WriteLine($"{group.Key.Level} {group.Key.Status}: {group.Count()}");
        foreach (var audit in audits.Where(a => Status(a) != "ok"))
            output.WriteLine(audit.GetRawText());

        Assert.True(audits.Count > 40, $"the audit suite ran only {audits.Count} audits");
        var mustFailures = audits.Where(a => Level(a) == "MUST" && Status(a) != "ok").Select(a => a.GetRawText()).ToList();
        Assert.True(mustFailures.Count == 0, "Failing MUST audits:\n" + string.Join("\n", mustFailures));
        // The engine's own audit (TaskForge.GraphQL.Tests, the sample server) passes every SHOULD too; TaskForge's host
        // puts nothing in the way of them, so a SHOULD failing here is a regression of the host, not of the engine.
        var shouldFailures = audits.Where(a => Level(a) == "SHOULD" && Status(a) != "ok").Select(a => a.GetRawText()).ToList();
        Assert.True(shouldFailures.Count == 0, "Failing SHOULD audits:\n" + string.Join("\n", shouldFailures));
    }
}
