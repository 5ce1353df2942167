using TaskForge.GraphQL.Tests.Conformance.Oracle;
using TaskForge.GraphQL.Tests.Conformance.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Conformance;

/// <summary>
/// Our introspection answer to graphql-js's getIntrospectionQuery (every option on) goes through buildClientSchema;
/// printSchema of that client schema must equal our printer's output, and so must graphql-js's printing of the SDL.
/// </summary>
public sealed class IntrospectionRoundTripTests
{
    [Fact]
    public async Task Client_schema_built_from_our_introspection_prints_like_our_printer()
    {
        var schema = OracleSchema.Build();
        var engine = GraphQLEngine.Create(schema);
        var query = await NodeScripts.RunAsync("introspection.mjs", ["query"]);
        var prepared = engine.Prepare(new GraphQLRequest(query));
        Assert.True(prepared.IsSuccess, string.Join("\n", prepared.Errors?.Select(e => e.Message) ?? []));
        var result = await engine.ExecuteAsync(prepared.Operation, new GraphQLRequest(query), new RequestContext(), CancellationToken.None);
        Assert.Null(result.Errors);

        var printedByGraphQLJs = await NodeScripts.RunAsync("introspection.mjs", ["print"], standardInput: result.ToJson());

        Assert.Equal(printedByGraphQLJs.TrimEnd(), SchemaPrinter.Print(schema).TrimEnd());
    }

    [Fact]
    public async Task Our_printer_prints_the_oracle_sdl_like_graphql_js()
    {
        var printedByGraphQLJs = await NodeScripts.RunAsync("introspection.mjs", ["sdl", RepositoryPaths.OracleSchema]);

        Assert.Equal(printedByGraphQLJs.TrimEnd(), SchemaPrinter.Print(OracleSchema.Build()).TrimEnd());
    }
}
