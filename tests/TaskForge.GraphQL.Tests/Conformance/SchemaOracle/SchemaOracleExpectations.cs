using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Support;

namespace TaskForge.GraphQL.Tests.Conformance.SchemaOracle;

/// <summary>
/// What graphql-js's buildSchema + validateSchema make of every SDL in Conformance/schemas and of the documents
/// js/schema-generator.mjs generates (js/schema-oracle.mjs, run once per test run).
/// </summary>
internal static class SchemaOracleExpectations
{
    public const int GeneratedValid = 400;
    public const int GeneratedInvalid = 150;

    private static readonly Lazy<Task<Outcome>> Results = new(RunOracleAsync);

    public static string SchemasFolder => Path.Combine(RepositoryPaths.Conformance, "schemas");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(SchemasFolder, "*.graphql").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            .Concat(Enumerable.Range(0, GeneratedValid).Select(i => $"generated-valid-{i}"))
            .Concat(Enumerable.Range(0, GeneratedInvalid).Select(i => $"generated-invalid-{i}"));

    public static async Task<(JsonElement Schema, string IntrospectionQuery)> ForAsync(string name)
    {
        var outcome = await Results.Value;
        return outcome.Schemas.TryGetValue(name, out var schema)
            ? (schema, outcome.IntrospectionQuery)
            : throw new InvalidOperationException($"schema-oracle.mjs printed nothing for {name}.");
    }

    public static async Task<IReadOnlyList<JsonElement>> AllAsync() => [.. (await Results.Value).Schemas.Values];

    private static async Task<Outcome> RunOracleAsync()
    {
        var output = await NodeScripts.RunAsync(
            "schema-oracle.mjs", [SchemasFolder, GeneratedValid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                GeneratedInvalid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var json = JsonDocument.Parse(output);
        var schemas = json.RootElement.GetProperty("schemas").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.Clone(), StringComparer.Ordinal);
        return new Outcome(json.RootElement.GetProperty("introspectionQuery").GetString()!, schemas);
    }

    private sealed record Outcome(string IntrospectionQuery, IReadOnlyDictionary<string, JsonElement> Schemas);
}
