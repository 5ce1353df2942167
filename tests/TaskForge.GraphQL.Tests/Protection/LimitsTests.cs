using TaskForge.GraphQL.Tests.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Protection;

public sealed class LimitsTests
{
    private static GraphQLEngine Engine(GraphQLEngineOptions options) => GraphQLEngine.Create(StarWarsSchema.Build(), options);

    [Fact]
    public void Given_query_deeper_than_limit_When_prepared_Then_max_depth_error()
    {
        var engine = Engine(new GraphQLEngineOptions { MaxDepth = 3 });
        Assert.True(engine.Prepare(new GraphQLRequest("{ hero { friends { name } } }")).IsSuccess);
        var result = engine.Prepare(new GraphQLRequest("{ hero { friends { friends { name } } } }"));
        var error = Assert.Single(result.Errors!);
        Assert.Equal(ErrorCodes.MaxDepthExceeded, error.Code);
        Assert.Equal("The operation has depth 4, more than the maximum depth of 3.", error.Message);
    }

    [Fact]
    public void Given_depth_hidden_in_fragments_When_prepared_Then_fragments_are_followed()
    {
        var engine = Engine(new GraphQLEngineOptions { MaxDepth = 3 });
        var result = engine.Prepare(new GraphQLRequest("{ hero { ...A } } fragment A on Character { friends { ...B } } fragment B on Character { friends { name } }"));
        Assert.Equal(ErrorCodes.MaxDepthExceeded, Assert.Single(result.Errors!).Code);
    }

    [Fact]
    public void Given_too_many_aliases_When_prepared_Then_max_aliases_error()
    {
        var engine = Engine(new GraphQLEngineOptions { MaxAliases = 2, MaxRootFields = null });
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 3).Select(i => $"a{i}: hero {{ name }}")) + " }";
        Assert.Equal(ErrorCodes.MaxAliasesExceeded, Assert.Single(engine.Prepare(new GraphQLRequest(query)).Errors!).Code);
    }

    [Fact]
    public void Given_too_many_root_fields_When_prepared_Then_max_root_fields_error()
    {
        var engine = Engine(new GraphQLEngineOptions { MaxRootFields = 2, MaxAliases = null });
        var result = engine.Prepare(new GraphQLRequest("{ a: hero { name } b: hero { name } ...F } fragment F on Query { c: hero { name } }"));
        var error = Assert.Single(result.Errors!);
        Assert.Equal(ErrorCodes.MaxRootFieldsExceeded, error.Code);
        Assert.Equal("The operation selects 3 root fields, more than the maximum of 2.", error.Message);
    }

    [Fact]
    public void Given_list_sizes_from_first_argument_When_cost_is_estimated_Then_large_pages_are_rejected()
    {
        var engine = Engine(new GraphQLEngineOptions { MaxCost = 100, DefaultListSize = 10 });
        Assert.True(engine.Prepare(new GraphQLRequest("{ characters(first: 5) { friends { name } } }")).IsSuccess);
        var result = engine.Prepare(new GraphQLRequest("query Q($n: Int) { characters(first: $n) { friends { friends { name } } } }", Variables: new Dictionary<string, object?> { ["n"] = 50L }));
        var error = Assert.Single(result.Errors!);
        Assert.Equal(ErrorCodes.MaxCostExceeded, error.Code);
        Assert.Equal("The operation has an estimated cost of 551, more than the maximum cost of 100.", error.Message);
    }

    [Fact]
    public void Given_field_weights_When_cost_is_estimated_Then_weights_count()
    {
        var schema = SchemaBuilder.FromSdl("""
            directive @cost(weight: Int!) on FIELD_DEFINITION
            type Query { cheap: Int expensive: Int @cost(weight: 40) viaBinding: Int }
            """).SetCost("Query", "viaBinding", 30).Build();
        var engine = GraphQLEngine.Create(schema, new GraphQLEngineOptions { MaxCost = 60 });
        Assert.True(engine.Prepare(new GraphQLRequest("{ cheap expensive }")).IsSuccess);
        Assert.Equal(ErrorCodes.MaxCostExceeded, Assert.Single(engine.Prepare(new GraphQLRequest("{ expensive viaBinding }")).Errors!).Code);
    }

    [Fact]
    public async Task Given_slow_resolver_When_timeout_elapses_Then_timeout_error_and_no_crash()
    {
        var engine = Engine(new GraphQLEngineOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(100) });
        var result = await Run.Execute("{ slow }", engine: engine);
        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.ExecutionTimeout, Assert.Single(result.Errors!).Code);
    }

    [Fact]
    public void Given_hostile_document_When_prepared_Then_parser_limits_give_parse_errors()
    {
        var engine = Engine(new GraphQLEngineOptions { Parser = new GraphQL.Language.ParserOptions { MaxTokens = 100 } });
        var tokens = engine.Prepare(new GraphQLRequest("{ " + string.Join(" ", Enumerable.Repeat("__typename", 200)) + " }"));
        Assert.Contains("more than 100 tokens", Assert.Single(tokens.Errors!).Message, StringComparison.Ordinal);
        var tooLong = Engine(new GraphQLEngineOptions { Parser = new GraphQL.Language.ParserOptions { MaxDocumentLength = 10 } })
            .Prepare(new GraphQLRequest("{ __typename }"));
        Assert.Equal(ErrorCodes.DocumentTooLarge, Assert.Single(tooLong.Errors!).Code);
    }

    [Fact]
    public void Given_introspection_query_When_limits_are_tight_Then_introspection_fields_are_not_counted()
    {
        var engine = Engine(new GraphQLEngineOptions { MaxDepth = 2, MaxCost = 10 });
        Assert.True(engine.Prepare(new GraphQLRequest(Introspection.IntrospectionQueries.Full)).IsSuccess);
    }
}
