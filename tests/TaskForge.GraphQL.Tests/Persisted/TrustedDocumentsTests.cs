using TaskForge.GraphQL.Persisted;
using TaskForge.GraphQL.Tests.Support;

namespace TaskForge.GraphQL.Tests.Persisted;

/// <summary>Trusted documents: only operations of the client build's manifest run.</summary>
public sealed class TrustedDocumentsTests
{
    private const string Listed = "query Hero { hero { name } }";
    private static readonly string ListedHash = PersistedHash.Of(Listed);

    private static string ApolloManifest => $$"""
        {"format":"apollo-persisted-query-manifest","version":1,
         "operations":[{"id":"{{ListedHash}}","name":"Hero","type":"query","body":"{{Listed}}"}]}
        """;

    [Fact]
    public void Given_apollo_manifest_or_flat_map_When_loaded_Then_both_list_the_operation()
    {
        var apollo = TrustedDocuments.FromJson(ApolloManifest);
        var flat = TrustedDocuments.FromJson($$"""{"sha256:{{ListedHash}}":"{{Listed}}"}""");

        Assert.True(apollo.Contains(ListedHash));
        Assert.True(flat.TryGet(ListedHash, out var body));
        Assert.Equal(Listed, body);
        Assert.Equal(1, apollo.Count);
    }

    [Fact]
    public void Given_body_that_does_not_match_its_hash_When_loaded_Then_start_up_fails()
    {
        var tampered = ApolloManifest.Replace("hero { name }", "hero { id }", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => TrustedDocuments.FromJson(tampered));
        Assert.Contains(ListedHash, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_manifest_file_When_operations_arrive_Then_listed_ones_run_by_hash_or_text_and_others_are_refused()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, ApolloManifest);
        var trusted = await TrustedDocuments.FromFileAsync(path, CancellationToken.None);
        File.Delete(path);
        var engine = GraphQLEngine.Create(StarWarsSchema.Build(), new GraphQLEngineOptions { PersistedOperations = new() { TrustedDocuments = trusted } });

        var byHash = await RunAsync(engine, new GraphQLRequest(null, Extensions: PersistedQueriesTests.Persisted(ListedHash)));
        var byText = await RunAsync(engine, new GraphQLRequest(Listed));
        var unlisted = await RunAsync(engine, new GraphQLRequest("{ hero { id } }"));
        var unknownHash = await RunAsync(engine, new GraphQLRequest(null, Extensions: PersistedQueriesTests.Persisted(PersistedHash.Of("{ hero { id } }"))));
        var registering = await RunAsync(engine, new GraphQLRequest("{ hero { id } }", Extensions: PersistedQueriesTests.Persisted(PersistedHash.Of("{ hero { id } }"))));

        Assert.Contains("\"hero\":{\"name\"", byHash, StringComparison.Ordinal);
        Assert.Equal(byHash, byText);
        Assert.Contains("\"code\":\"PERSISTED_QUERY_NOT_TRUSTED\"", unlisted, StringComparison.Ordinal);
        Assert.Contains("PersistedQueryNotFound", unknownHash, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"PERSISTED_QUERY_NOT_TRUSTED\"", registering, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_untrusted_operations_allowed_When_unlisted_text_arrives_Then_it_runs()
    {
        var engine = GraphQLEngine.Create(StarWarsSchema.Build(), new GraphQLEngineOptions
        {
            PersistedOperations = new() { TrustedDocuments = TrustedDocuments.FromJson(ApolloManifest), AllowUntrustedOperations = true },
        });

        Assert.Contains("\"hero\":{\"id\"", await RunAsync(engine, new GraphQLRequest("{ hero { id } }")), StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(GraphQLEngine engine, GraphQLRequest request) =>
        (await engine.ExecuteAsync(request, new RequestContext(), CancellationToken.None)).ToJson();
}
