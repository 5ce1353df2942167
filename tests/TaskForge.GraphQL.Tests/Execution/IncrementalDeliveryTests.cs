using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Execution;

/// <summary>@defer/@stream at the engine; the detailed semantics are compared with graphql-js 17 in IncrementalOracleTests.</summary>
public sealed class IncrementalDeliveryTests
{
    private const string Sdl = "type Query { a: Int b: Int list: [Int] }";

    private static GraphQLEngine Engine(bool withDirectives)
    {
        var builder = SchemaBuilder.FromSdl(Sdl).BindField("Query", "a", _ => 1).BindField("Query", "b", _ => 2).BindField("Query", "list", _ => new[] { 1, 2, 3 });
        return GraphQLEngine.Create((withDirectives ? builder.AddDeferAndStreamDirectives() : builder).Build());
    }

    [Fact]
    public async Task Given_deferred_fragment_that_outlives_the_timeout_When_executed_incrementally_Then_it_completes_with_the_timeout_error()
    {
        var engine = GraphQLEngine.Create(
            SchemaBuilder.FromSdl(Sdl).BindField("Query", "a", _ => 1)
                .BindField("Query", "b", async ctx =>
                {
                    await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                    return (object?)2;
                })
                .AddDeferAndStreamDirectives().Build(),
            new GraphQLEngineOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(200) });
        var request = new GraphQLRequest("{ a ... @defer { b } }");

        var parts = new List<string>();
        await foreach (var part in engine.ExecuteIncrementalAsync(engine.Prepare(request).Operation!, request, new RequestContext(), CancellationToken.None))
        {
            parts.Add(part.ToJson());
        }

        Assert.Equal(2, parts.Count);
        Assert.Equal("""{"data":{"a":1},"pending":[{"id":"0","path":[]}],"hasNext":true}""", parts[0]);
        Assert.Contains("\"completed\":[{\"id\":\"0\",\"errors\":[{\"message\":\"The operation did not complete in time.\"", parts[1], StringComparison.Ordinal);
        Assert.EndsWith("\"hasNext\":false}", parts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_async_list_source_When_streamed_Then_items_arrive_in_later_parts_as_they_come_and_the_source_is_closed()
    {
        var closed = new TaskCompletionSource();
        async IAsyncEnumerable<object?> Numbers()
        {
            try
            {
                for (var i = 1; i <= 4; i++)
                {
                    await Task.Delay(20);
                    yield return i;
                }
            }
            finally
            {
                closed.TrySetResult();
            }
        }

        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { numbers: [Int!]! }")
            .BindField("Query", "numbers", _ => Numbers()).AddDeferAndStreamDirectives().Build());
        var request = new GraphQLRequest("{ numbers @stream(initialCount: 1) }");

        var parts = new List<IncrementalPart>();
        await foreach (var part in engine.ExecuteIncrementalAsync(engine.Prepare(request).Operation!, request, new RequestContext(), CancellationToken.None))
        {
            parts.Add(part);
        }

        var whole = await engine.ExecuteAsync(new GraphQLRequest("{ numbers }"), new RequestContext(), CancellationToken.None);
        Assert.Equal("""{"data":{"numbers":[1]},"pending":[{"id":"0","path":["numbers"]}],"hasNext":true}""", parts[0].ToJson());
        Assert.Equal([2, 3, 4], parts.Skip(1).SelectMany(p => p.Incremental).SelectMany(e => e.Items!).Cast<int>());
        Assert.True(parts.Count >= 3, "items that come one by one go out in their own parts");
        Assert.Equal("0", Assert.Single(parts.SelectMany(p => p.Completed)).Id);
        Assert.False(parts[^1].HasNext);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("""{"data":{"numbers":[1,2,3,4]}}""", whole.ToJson());
    }

    [Fact]
    public void Given_schema_without_the_directives_When_a_query_defers_Then_validation_refuses_it()
    {
        var prepared = Engine(withDirectives: false).Prepare(new GraphQLRequest("{ a ... @defer { b } }"));

        Assert.Equal("Unknown directive \"@defer\".", Assert.Single(prepared.Errors!).Message);
    }

    [Fact]
    public void Given_the_directives_When_printed_Then_they_appear_as_graphql_js_17_defines_them()
    {
        var printed = SchemaPrinter.Print(SchemaBuilder.FromSdl(Sdl).AddDeferAndStreamDirectives().Build());

        Assert.StartsWith("\"\"\"\nDirects the executor to defer this fragment when the `if` argument is true or undefined.\n\"\"\"\ndirective @defer(", printed, StringComparison.Ordinal);
        Assert.Contains("  initialCount: Int! = 0\n", printed, StringComparison.Ordinal);
        Assert.Contains(") on FIELD\n", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_deferred_query_When_executed_in_one_part_Then_the_deferred_fields_are_inline()
    {
        var result = await Engine(withDirectives: true).ExecuteAsync(new GraphQLRequest("{ a ... @defer { b } list @stream }"), new RequestContext(), CancellationToken.None);

        Assert.Equal("""{"data":{"a":1,"b":2,"list":[1,2,3]}}""", result.ToJson());
    }

    [Fact]
    public async Task Given_deferred_query_When_executed_incrementally_Then_the_parts_carry_the_rest()
    {
        var engine = Engine(withDirectives: true);
        var request = new GraphQLRequest("{ a ... @defer(label: \"B\") { b } list @stream(initialCount: 1) }");
        var prepared = engine.Prepare(request);

        var parts = new List<string>();
        await foreach (var part in engine.ExecuteIncrementalAsync(prepared.Operation!, request, new RequestContext(), CancellationToken.None))
        {
            parts.Add(part.ToJson());
        }

        Assert.Equal(
            [
                """{"data":{"a":1,"list":[1]},"pending":[{"id":"0","path":[],"label":"B"},{"id":"1","path":["list"]}],"hasNext":true}""",
                """{"incremental":[{"id":"0","data":{"b":2}},{"id":"1","items":[2,3]}],"completed":[{"id":"0"},{"id":"1"}],"hasNext":false}""",
            ],
            parts);
    }
}
