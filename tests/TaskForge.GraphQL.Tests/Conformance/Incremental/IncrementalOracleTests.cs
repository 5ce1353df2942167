using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Oracle;
using TaskForge.GraphQL.Tests.Conformance.Support;

namespace TaskForge.GraphQL.Tests.Conformance.Incremental;

/// <summary>
/// Differential test of @defer/@stream against graphql-js 17's experimentalExecuteIncrementally on the oracle
/// schema: same validation errors; same plain result when nothing is deferred; otherwise the same initial payload,
/// the same records announced (path and label), the same errors and, once every part is applied, the same data.
/// How the later parts are batched is not compared (docs/adr/0038).
/// </summary>
public sealed class IncrementalOracleTests
{
    private static readonly Lazy<Task<Dictionary<string, JsonElement>>> Expected = new(RunOracleAsync);
    private static readonly Lazy<GraphQLEngine> Engine = new(() => OracleSchema.CreateEngine(incrementalDelivery: true));

    private static string Corpus => Path.Combine(RepositoryPaths.Conformance, "incremental-corpus");

    public static TheoryData<string> Documents() =>
        new(Directory.EnumerateFiles(Corpus, "*.graphql").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Document_is_delivered_like_graphql_js_17(string document)
    {
        var expected = (await Expected.Value)[document];
        var request = await RequestAsync(document);
        var prepared = Engine.Value.Prepare(request);

        var expectedValidation = expected.GetProperty("validation").EnumerateArray().Select(Describe).Order().ToList();
        if (expectedValidation.Count > 0 || !prepared.IsSuccess)
        {
            Assert.Equal(expectedValidation, (prepared.Errors ?? []).Select(Describe).Order().ToList());
            return;
        }

        var parts = new List<JsonElement>();
        await foreach (var part in Engine.Value.ExecuteIncrementalAsync(prepared.Operation, request, new RequestContext(), CancellationToken.None))
        {
            using var json = JsonDocument.Parse(part.ToJson());
            parts.Add(json.RootElement.Clone());
        }

        var theirs = new IncrementalResponse(expected.GetProperty("parts").EnumerateArray().ToList());
        var ours = new IncrementalResponse(parts);
        Assert.Equal(theirs.Parts.Count == 1, ours.Parts.Count == 1);
        Assert.Null(JsonComparison.FindDifference(Initial(theirs.Parts[0]), Initial(ours.Parts[0])));
        Assert.Equal(theirs.Pending.Order(), ours.Pending.Order());
        Assert.Equal(theirs.Errors.Order(), ours.Errors.Order());
        Assert.Equal(theirs.Data?.ToJsonString(), ours.Data?.ToJsonString());
        Assert.True(ours.EndsWithoutNext);
    }

    private static JsonElement Initial(JsonElement part)
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            data = part.TryGetProperty("data", out var data) ? data : default(JsonElement?),
            hasNext = part.TryGetProperty("hasNext", out var hasNext) ? hasNext.GetBoolean() : (bool?)null,
        }));
        return json.RootElement.Clone();
    }

    private static string Describe(JsonElement error) =>
        $"{error.GetProperty("message").GetString()} @ {(error.TryGetProperty("locations", out var l) ? l.GetRawText() : "-")}";

    private static string Describe(GraphQLError error) =>
        $"{error.Message} @ {(error.Locations is { } l ? JsonSerializer.Serialize(l.Select(x => new { line = x.Line, column = x.Column })) : "-")}";

    private static async Task<GraphQLRequest> RequestAsync(string document)
    {
        var request = new GraphQLRequest(await File.ReadAllTextAsync(Path.Combine(Corpus, document)));
        var sidecar = Path.Combine(Corpus, Path.ChangeExtension(document, ".json"));
        if (!File.Exists(sidecar))
        {
            return request;
        }

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(sidecar));
        return request with
        {
            OperationName = json.RootElement.TryGetProperty("operationName", out var name) ? name.GetString() : null,
            Variables = json.RootElement.TryGetProperty("variables", out var variables) ? (IReadOnlyDictionary<string, object?>?)JsonValues.ToClr(variables) : null,
        };
    }

    private static async Task<Dictionary<string, JsonElement>> RunOracleAsync()
    {
        var output = await NodeScripts.RunAsync("incremental-oracle.mjs", [RepositoryPaths.OracleSchema, RepositoryPaths.OracleFixture, Corpus]);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("document").GetString()!, e => e.Clone(), StringComparer.Ordinal);
    }
}
