using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Json;

public sealed class ResultJsonWriterTests
{
    private sealed record Point(int X, int Y);

    [Fact]
    public async Task Given_json_scalar_holding_clr_values_When_written_Then_each_becomes_json()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { data: JSON } scalar JSON")
            .BindScalar("JSON", StandardScalars.Json)
            .BindField("Query", "data", _ => new Dictionary<string, object?>
            {
                ["counts"] = new Dictionary<string, int> { ["a"] = 1 },
                ["point"] = new Point(1, 2),
                ["when"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero),
                ["ratio"] = 0.5,
                ["big"] = 12345678901L,
                ["nan"] = double.NaN,
                ["list"] = new List<int> { 1, 2 },
                ["text"] = "\"quoted\" <b>",
            })
            .Build());

        var json = await Support.Run.Json("{ data }", engine: engine);

        Assert.Equal(
            """{"data":{"data":{"counts":{"a":1},"point":{"X":1,"Y":2},"when":"2024-01-02T03:04:05+00:00","ratio":0.5,"big":12345678901,"nan":null,"list":[1,2],"text":"\"quoted\" <b>"}}}""",
            json);
    }

    [Fact]
    public void Given_errors_with_extensions_When_written_Then_graphql_response_shape()
    {
        var result = ExecutionResult.FromErrors([new GraphQLError(
            "Boom.", [new SourceLocation(2, 3)], ["a", 0, "b"], new Dictionary<string, object?> { ["code"] = "X", ["retry"] = true })]);
        Assert.Equal(
            """{"errors":[{"message":"Boom.","locations":[{"line":2,"column":3}],"path":["a",0,"b"],"extensions":{"code":"X","retry":true}}]}""",
            result.ToJson());
    }
}
