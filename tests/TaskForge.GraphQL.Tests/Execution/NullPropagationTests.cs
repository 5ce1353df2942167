using TaskForge.GraphQL.Tests.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Execution;

public sealed class NullPropagationTests
{
    private static readonly GraphQLEngine Engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("""
        type Query {
          nullableObject: Obj
          nonNullObject: Obj!
          list: [Obj]
          nonNullItems: [Obj!]
          sibling: String
        }
        type Obj { nullable: String nonNull: String! deep: Obj }
        """)
        .BindField("Query", "nullableObject", _ => new Dictionary<string, object?> { ["nullable"] = "n", ["nonNull"] = null })
        .BindField("Query", "nonNullObject", _ => new Dictionary<string, object?> { ["nonNull"] = null })
        .BindField("Query", "list", _ => new object?[] { new Dictionary<string, object?> { ["nonNull"] = "ok" }, new Dictionary<string, object?> { ["nonNull"] = null } })
        .BindField("Query", "nonNullItems", _ => new object?[] { new Dictionary<string, object?> { ["nonNull"] = "ok" }, null })
        .BindField("Query", "sibling", _ => "still here")
        .Build());

    [Fact]
    public async Task Given_null_in_non_null_field_When_executed_Then_nearest_nullable_parent_becomes_null()
    {
        var json = await Run.Json("{ nullableObject { nullable nonNull } sibling }", engine: Engine);
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Obj.nonNull.","locations":[{"line":1,"column":29}],"path":["nullableObject","nonNull"]}],"data":{"nullableObject":null,"sibling":"still here"}}""",
            json);
    }

    [Fact]
    public async Task Given_null_bubbling_through_non_null_root_field_When_executed_Then_data_is_null()
    {
        var result = await Run.Execute("{ nonNullObject { nonNull } sibling }", engine: Engine);
        Assert.True(result.HasData);
        Assert.Null(result.Data);
        Assert.Equal(["nonNullObject", "nonNull"], Assert.Single(result.Errors!).Path!);
    }

    [Fact]
    public async Task Given_failing_item_in_list_of_nullable_items_When_executed_Then_only_that_item_is_null()
    {
        var json = await Run.Json("{ list { nonNull } }", engine: Engine);
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Obj.nonNull.","locations":[{"line":1,"column":10}],"path":["list",1,"nonNull"]}],"data":{"list":[{"nonNull":"ok"},null]}}""",
            json);
    }

    [Fact]
    public async Task Given_null_item_in_list_of_non_null_items_When_executed_Then_whole_list_is_null()
    {
        var json = await Run.Json("{ nonNullItems { nonNull } }", engine: Engine);
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Query.nonNullItems.","locations":[{"line":1,"column":3}],"path":["nonNullItems",1]}],"data":{"nonNullItems":null}}""",
            json);
    }
}
