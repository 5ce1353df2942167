using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Support;

namespace TaskForge.GraphQL.Tests.Conformance.Oracle;

/// <summary>
/// What graphql-js says about every corpus document (js/oracle.mjs, run once per test run), and the list of
/// documents where our engine is known to disagree (known-disagreements.json: document → reason).
/// </summary>
internal static class OracleExpectations
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonElement>>> Results = new(RunOracleAsync);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Known = new(ReadKnownDisagreements);

    public static IReadOnlyDictionary<string, string> KnownDisagreements => Known.Value;

    public static IEnumerable<string> Documents() =>
        Directory.EnumerateFiles(RepositoryPaths.Corpus, "*.graphql").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static async Task<JsonElement> ForAsync(string document)
    {
        var results = await Results.Value;
        return results.TryGetValue(document, out var result)
            ? result
            : throw new InvalidOperationException($"oracle.mjs printed nothing for {document}.");
    }

    private static async Task<IReadOnlyDictionary<string, JsonElement>> RunOracleAsync()
    {
        var output = await NodeScripts.RunAsync(
            "oracle.mjs", [RepositoryPaths.OracleSchema, RepositoryPaths.OracleFixture, RepositoryPaths.Corpus]);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateArray().ToDictionary(
            e => e.GetProperty("document").GetString()!, e => e.Clone(), StringComparer.Ordinal);
    }

    private static Dictionary<string, string> ReadKnownDisagreements()
    {
        var path = Path.Combine(RepositoryPaths.Conformance, "known-disagreements.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
    }
}
