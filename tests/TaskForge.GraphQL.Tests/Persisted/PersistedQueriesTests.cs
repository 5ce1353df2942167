using System.Text.Json;
using TaskForge.GraphQL.Persisted;
using TaskForge.GraphQL.Tests.Support;

namespace TaskForge.GraphQL.Tests.Persisted;

/// <summary>Apollo's automatic persisted queries at the engine, whatever the transport.</summary>
public sealed class PersistedQueriesTests
{
    private const string Query = "{ hero { name } }";
    private static readonly string Hash = PersistedHash.Of(Query);

    [Fact]
    public void Hash_matches_the_sha256_of_apollo_s_published_example()
    {
        Assert.Equal("ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38", PersistedHash.Of("{__typename}"));
    }

    [Fact]
    public async Task Given_unknown_hash_When_sent_alone_Then_PersistedQueryNotFound_and_after_the_text_is_sent_the_hash_alone_runs()
    {
        var engine = GraphQLEngine.Create(StarWarsSchema.Build());

        var missing = await RunAsync(engine, new GraphQLRequest(null, Extensions: Persisted(Hash)));
        var registering = await RunAsync(engine, new GraphQLRequest(Query, Extensions: Persisted(Hash)));
        var hit = await RunAsync(engine, new GraphQLRequest(null, Extensions: Persisted(Hash)));

        Assert.Equal("""{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}""", missing);
        Assert.Equal(registering, hit);
        Assert.Contains("\"hero\":{\"name\":", hit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_hash_of_other_text_When_registering_Then_refused_and_nothing_is_stored()
    {
        var engine = GraphQLEngine.Create(StarWarsSchema.Build());

        var mismatch = await RunAsync(engine, new GraphQLRequest("{ hero { id } }", Extensions: Persisted(Hash)));
        var after = await RunAsync(engine, new GraphQLRequest(null, Extensions: Persisted(Hash)));

        Assert.Contains("provided sha does not match query", mismatch, StringComparison.Ordinal);
        Assert.Contains("PersistedQueryNotFound", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_invalid_document_with_its_hash_When_registering_Then_it_is_not_stored()
    {
        const string Invalid = "{ hero { nope } }";
        var engine = GraphQLEngine.Create(StarWarsSchema.Build());

        var failed = await RunAsync(engine, new GraphQLRequest(Invalid, Extensions: Persisted(PersistedHash.Of(Invalid))));
        var after = await RunAsync(engine, new GraphQLRequest(null, Extensions: Persisted(PersistedHash.Of(Invalid))));

        Assert.Contains("Cannot query field", failed, StringComparison.Ordinal);
        Assert.Contains("PersistedQueryNotFound", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_persisted_queries_switched_off_When_hash_alone_Then_PersistedQueryNotSupported_and_text_still_runs()
    {
        var engine = GraphQLEngine.Create(StarWarsSchema.Build(), new GraphQLEngineOptions { PersistedOperations = null });

        var alone = await RunAsync(engine, new GraphQLRequest(null, Extensions: Persisted(Hash)));
        var withText = await RunAsync(engine, new GraphQLRequest(Query, Extensions: Persisted(Hash)));

        Assert.Equal("""{"errors":[{"message":"PersistedQueryNotSupported","extensions":{"code":"PERSISTED_QUERY_NOT_SUPPORTED"}}]}""", alone);
        Assert.Contains("\"hero\"", withText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_version_other_than_1_or_no_hash_When_sent_Then_bad_request()
    {
        var engine = GraphQLEngine.Create(StarWarsSchema.Build());
        var version2 = new Dictionary<string, object?> { ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 2L, ["sha256Hash"] = Hash } };
        var noHash = new Dictionary<string, object?> { ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1L } };

        Assert.Contains("Unsupported persisted query version.", await RunAsync(engine, new GraphQLRequest(Query, Extensions: version2)), StringComparison.Ordinal);
        Assert.Contains("needs a string sha256Hash", await RunAsync(engine, new GraphQLRequest(Query, Extensions: noHash)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_registered_text_When_sent_by_documentId_or_with_extensions_as_json_Then_it_runs()
    {
        var engine = GraphQLEngine.Create(StarWarsSchema.Build());
        await RunAsync(engine, new GraphQLRequest(Query, Extensions: Persisted(Hash)));
        using var json = JsonDocument.Parse($$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{Hash.ToUpperInvariant()}}}"}}""");
        var asJson = new Dictionary<string, object?> { ["persistedQuery"] = json.RootElement.GetProperty("persistedQuery") };

        var byDocumentId = await RunAsync(engine, new GraphQLRequest(null) { DocumentId = "sha256:" + Hash });
        var byJsonExtensions = await RunAsync(engine, new GraphQLRequest(null, Extensions: asJson));

        Assert.Contains("\"hero\"", byDocumentId, StringComparison.Ordinal);
        Assert.Equal(byDocumentId, byJsonExtensions);
    }

    [Fact]
    public async Task Given_custom_store_When_registering_Then_the_engine_uses_it()
    {
        var store = new BoundedPersistedQueryStore(capacity: 10);
        var engine = GraphQLEngine.Create(StarWarsSchema.Build(), new GraphQLEngineOptions { PersistedOperations = new() { Store = store } });

        await RunAsync(engine, new GraphQLRequest(Query, Extensions: Persisted(Hash)));

        Assert.True(store.TryGet(Hash, out var stored));
        Assert.Equal(Query, stored);
    }

    internal static Dictionary<string, object?> Persisted(string hash) =>
        new() { ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1L, ["sha256Hash"] = hash } };

    private static async Task<string> RunAsync(GraphQLEngine engine, GraphQLRequest request) =>
        (await engine.ExecuteAsync(request, new RequestContext(), CancellationToken.None)).ToJson();
}
