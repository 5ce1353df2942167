using System.Text.Json;
using TaskForge.GraphQL.Tests.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Introspection;

public sealed class IntrospectionTests
{
    [Fact]
    public async Task Given_full_introspection_query_When_executed_Then_every_type_and_directive_is_described()
    {
        var result = await Run.Execute(IntrospectionQueries.Full);
        Assert.Null(result.Errors);
        using var json = JsonDocument.Parse(result.ToJson());
        var schema = json.RootElement.GetProperty("data").GetProperty("__schema");
        Assert.Equal("Query", schema.GetProperty("queryType").GetProperty("name").GetString());
        var types = schema.GetProperty("types").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Contains("__Schema", types.Keys);
        Assert.DoesNotContain("Float", types.Keys);
        Assert.Equal("INTERFACE", types["Character"].GetProperty("kind").GetString());
        Assert.Equal(["Node"], types["Character"].GetProperty("interfaces").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(["Human", "Droid"], types["Character"].GetProperty("possibleTypes").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.True(types["OneOfInput"].GetProperty("isOneOf").GetBoolean());
        var times = types["EchoInput"].GetProperty("inputFields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "times");
        Assert.Equal("1", times.GetProperty("defaultValue").GetString());
        var echo = types["Query"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "echo");
        Assert.Equal("\"default\"", echo.GetProperty("args").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "text").GetProperty("defaultValue").GetString());
        var characters = types["Query"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "characters").GetProperty("type");
        Assert.Equal("NON_NULL", characters.GetProperty("kind").GetString());
        Assert.Equal("LIST", characters.GetProperty("ofType").GetProperty("kind").GetString());
        var directives = schema.GetProperty("directives").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToList();
        Assert.Equal(["include", "skip", "deprecated", "specifiedBy", "oneOf"], directives);
    }

    [Fact]
    public async Task Given_deprecated_members_When_introspected_Then_they_are_hidden_unless_asked_for()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("""
            type Query { old: Int @deprecated(reason: "Use new") new: Int }
            enum E { A B @deprecated }
            """).Build());
        var json = await Run.Json(
            """{ __type(name: "Query") { fields { name } all: fields(includeDeprecated: true) { name isDeprecated deprecationReason } } e: __type(name: "E") { enumValues { name } } }""",
            engine: engine);
        Assert.Equal(
            """{"data":{"__type":{"fields":[{"name":"new"}],"all":[{"name":"old","isDeprecated":true,"deprecationReason":"Use new"},{"name":"new","isDeprecated":false,"deprecationReason":null}]},"e":{"enumValues":[{"name":"A"}]}}}""",
            json);
    }

    [Fact]
    public async Task Given_specified_by_url_When_introspected_Then_url_is_reported()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("""type Query { at: Date } scalar Date @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")""").Build());
        Assert.Equal(
            """{"data":{"__type":{"kind":"SCALAR","specifiedByURL":"https://scalars.graphql.org/andimarek/date-time"}}}""",
            await Run.Json("""{ __type(name: "Date") { kind specifiedByURL } }""", engine: engine));
    }

    [Fact]
    public async Task Given_unknown_type_name_When_introspected_Then_null()
    {
        Assert.Equal("""{"data":{"__type":null}}""", await Run.Json("""{ __type(name: "Nope") { name } }"""));
    }

    [Fact]
    public async Task Given_introspection_disabled_When_queried_Then_clear_error_but_typename_still_works()
    {
        var engine = GraphQLEngine.Create(StarWarsSchema.Build(), new GraphQLEngineOptions { EnableIntrospection = false });
        var result = await Run.Execute("{ ...F } fragment F on Query { __schema { queryType { name } } }", engine: engine);
        Assert.False(result.HasData);
        Assert.Equal(ErrorCodes.IntrospectionDisabled, Assert.Single(result.Errors!).Code);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", await Run.Json("{ __typename }", engine: engine));
    }
}
