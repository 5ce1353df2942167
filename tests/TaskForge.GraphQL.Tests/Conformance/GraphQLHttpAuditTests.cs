using System.Text.Json;
using Xunit.Abstractions;
using TaskForge.GraphQL.Tests.Conformance.Support;
using TaskForge.GraphQL.Tests.Transport;

namespace TaskForge.GraphQL.Tests.Conformance;

/// <summary>
/// graphql-http's server audit suite (the GraphQL over HTTP conformance checks) against a Kestrel sample server:
/// every MUST and SHOULD audit passes (see ADR 0030 for the one place the audit and the draft spec disagree).
/// </summary>
public sealed class GraphQLHttpAuditTests(SampleServer server, ITestOutputHelper output) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task Every_must_and_should_audit_passes()
    {
        var auditJson = await NodeScripts.RunAsync("audit.mjs", [server.HttpUri.ToString()]);
        using var json = JsonDocument.Parse(auditJson);
        var audits = json.RootElement.EnumerateArray().ToList();

        var failures = audits
            .Where(a => a.GetProperty("status").GetString() != "ok")
            .Where(a => a.GetProperty("name").GetString() is { } name &&
                        (name.StartsWith("MUST", StringComparison.Ordinal) || name.StartsWith("SHOULD", StringComparison.Ordinal)))
            .Select(a => a.GetRawText())
            .ToList();

        foreach (var group in audits.GroupBy(a => (Level: a.GetProperty("name").GetString()!.Split(' ')[0], Status: a.GetProperty("status").GetString())))
        {
            output.WriteLine($"{group.Key.Level} {group.Key.Status}: {group.Count()}");
        }

        foreach (var audit in audits.Where(a => a.GetProperty("status").GetString() != "ok"))
        {
            output.WriteLine(audit.GetRawText());
        }

        Assert.True(audits.Count > 40, $"the audit suite ran only {audits.Count} audits");
        Assert.True(failures.Count == 0, "Failing audits:\n" + string.Join("\n", failures));
    }
}
