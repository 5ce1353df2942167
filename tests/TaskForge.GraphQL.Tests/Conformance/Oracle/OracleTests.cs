using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Support;

namespace TaskForge.GraphQL.Tests.Conformance.Oracle;

/// <summary>
/// Differential test against graphql-js: every corpus document must give the same syntax error, validation
/// errors or execution result in our engine as in graphql-js 16 (see Conformance/README.md). Documents listed in
/// known-disagreements.json are checked to still disagree, so that a fix shows up and the list shrinks.
/// </summary>
public sealed class OracleTests
{
    public static TheoryData<string> AgreeingDocuments() =>
        new(OracleExpectations.Documents().Where(d => !OracleExpectations.KnownDisagreements.ContainsKey(d)));

    [Fact]
    public async Task Corpus_has_at_least_200_documents_and_fails_every_validation_rule()
    {
        var documents = OracleExpectations.Documents().ToList();
        using var rulesJson = JsonDocument.Parse(await NodeScripts.RunAsync("rules.mjs", []));
        var rules = rulesJson.RootElement.EnumerateArray().Select(r => r.GetString()!).ToList();
        var failedRules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var expected = await OracleExpectations.ForAsync(document);
            if (expected.TryGetProperty("validation", out var validation))
            {
                failedRules.UnionWith(validation.EnumerateArray().Select(e => e.GetProperty("rule").GetString()!));
            }
        }

        Assert.True(documents.Count >= 200, $"only {documents.Count} documents");
        Assert.NotEmpty(rules);
        Assert.Empty(rules.Except(failedRules));
        Assert.Contains(documents, d => d.StartsWith("p-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AgreeingDocuments))]
    public async Task Document_gives_the_same_outcome_as_graphql_js(string document)
    {
        var expected = await OracleExpectations.ForAsync(document);
        var actual = await EngineRunner.RunAsync(document);

        var difference = OracleComparison.Compare(expected, actual);

        Assert.True(difference is null, $"{document}: {difference}\n\ngraphql-js: {Show(expected)}\n\nours: {Show(actual)}");
    }

    [Fact]
    public async Task Known_disagreements_are_still_there()
    {
        var nowAgreeing = new List<string>();
        foreach (var (document, reason) in OracleExpectations.KnownDisagreements)
        {
            var difference = OracleComparison.Compare(await OracleExpectations.ForAsync(document), await EngineRunner.RunAsync(document));
            if (difference is null)
            {
                nowAgreeing.Add($"{document} (listed because: {reason})");
            }
        }

        Assert.True(
            nowAgreeing.Count == 0,
            "These documents now agree with graphql-js; remove them from Conformance/known-disagreements.json:\n" + string.Join("\n", nowAgreeing));
    }

    private static string Show(JsonElement element) =>
        element.GetRawText() is { Length: > 2000 } text ? text[..2000] + "…" : element.GetRawText();
}
