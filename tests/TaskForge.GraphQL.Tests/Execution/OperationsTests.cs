using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Tests.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Execution;

public sealed class OperationsTests
{
    [Fact]
    public async Task Given_mutation_When_executed_Then_root_fields_run_in_series_and_in_order()
    {
        var log = new List<string>();
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { a: Int } type Mutation { step(n: Int!, delay: Int!): Int }")
            .BindField("Mutation", "step", async ctx =>
            {
                var n = ctx.GetArgument<int>("n");
                lock (log)
                {
                    log.Add("start " + n);
                }

                await Task.Delay(ctx.GetArgument<int>("delay"));
                lock (log)
                {
                    log.Add("end " + n);
                }

                return (object?)n;
            })
            .Build());
        var json = await Run.Json("mutation { first: step(n: 1, delay: 50) second: step(n: 2, delay: 0) third: step(n: 3, delay: 10) }", engine: engine);
        Assert.Equal("""{"data":{"first":1,"second":2,"third":3}}""", json);
        Assert.Equal(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"], log);
    }

    [Fact]
    public async Task Given_query_When_executed_Then_root_fields_run_concurrently()
    {
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { a: String b: String }")
            .BindField("Query", "a", async _ =>
            {
                firstStarted.SetResult();
                await secondStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
                return (object?)"a";
            })
            .BindField("Query", "b", async _ =>
            {
                secondStarted.SetResult();
                await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
                return (object?)"b";
            })
            .Build());

        Assert.Equal("""{"data":{"a":"a","b":"b"}}""", await Run.Json("{ a b }", engine: engine));
    }

    [Fact]
    public async Task Given_fragments_aliases_and_directives_When_executed_Then_fields_merge_in_selection_order()
    {
        var json = await Run.Json(
            """
            query Q($skip: Boolean!) {
              luke: human(id: "1000") { ...Names homePlanet @skip(if: $skip) appearsIn @include(if: $skip) }
              hero { ... on Droid { primaryFunction } name }
            }
            fragment Names on Character { name id }
            """,
            """{"skip": true}""");
        Assert.Equal(
            """{"data":{"luke":{"name":"Luke Skywalker","id":"1000","appearsIn":["NEWHOPE","EMPIRE","JEDI"]},"hero":{"primaryFunction":"Astromech","name":"R2-D2"}}}""",
            json);
    }

    [Fact]
    public async Task Given_union_and_interface_results_When_executed_Then_runtime_types_resolve()
    {
        var json = await Run.Json("{ search(text: \"\") { __typename ... on Human { homePlanet } ... on Droid { primaryFunction } } }");
        Assert.Equal(
            """{"data":{"search":[{"__typename":"Human","homePlanet":"Tatooine"},{"__typename":"Human","homePlanet":"Tatooine"},{"__typename":"Human","homePlanet":null},{"__typename":"Droid","primaryFunction":"Protocol"},{"__typename":"Droid","primaryFunction":"Astromech"}]}}""",
            json);
    }

    [Fact]
    public async Task Given_dictionary_with_typename_When_abstract_type_resolves_Then_typename_entry_wins()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { pet: Pet } interface Pet { name: String } type Cat implements Pet { name: String }")
            .BindField("Query", "pet", _ => new Dictionary<string, object?> { ["__typename"] = "Cat", ["name"] = "Tom" })
            .Build());
        Assert.Equal("""{"data":{"pet":{"__typename":"Cat","name":"Tom"}}}""", await Run.Json("{ pet { __typename name } }", engine: engine));
    }

    [Fact]
    public async Task Given_unresolvable_abstract_value_When_executed_Then_graphql_js_error()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { pet: Pet } interface Pet { name: String } type Cat implements Pet { name: String }")
            .BindField("Query", "pet", _ => new Dictionary<string, object?> { ["name"] = "?" })
            .Build());
        var error = Assert.Single((await Run.Execute("{ pet { name } }", engine: engine)).Errors!);
        Assert.StartsWith("Abstract type \"Pet\" must resolve to an Object type at runtime for field \"Query.pet\".", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_bound_enum_When_executed_Then_clr_values_map_both_ways()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { next(day: Day!): Day } enum Day { MONDAY TUESDAY }")
            .BindEnum<DayOfWeek>("Day")
            .BindField("Query", "next", ctx => ctx.GetArgument<DayOfWeek>("day") + 1)
            .Build());
        Assert.Equal("""{"data":{"next":"TUESDAY"}}""", await Run.Json("{ next(day: MONDAY) }", engine: engine));
    }

    [Fact]
    public async Task Given_subscription_When_events_arrive_Then_each_event_is_executed_through_the_selection()
    {
        var prepared = Run.Engine.Prepare(new GraphQLRequest("subscription { counter(to: 3) }"));
        Assert.True(prepared.IsSuccess);
        var results = new List<string>();
        await foreach (var result in Run.Engine.SubscribeAsync(prepared.Operation, new GraphQLRequest("subscription { counter(to: 3) }"), new RequestContext(), CancellationToken.None))
        {
            results.Add(result.ToJson());
        }

        Assert.Equal(["""{"data":{"counter":1}}""", """{"data":{"counter":2}}""", """{"data":{"counter":3}}"""], results);
    }

    [Fact]
    public async Task Given_subscription_without_bound_stream_When_subscribed_Then_single_result_without_data()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { a: Int } type Subscription { tick: Int }").Build());
        var request = new GraphQLRequest("subscription { tick }");
        var prepared = engine.Prepare(request);
        var results = new List<ExecutionResult>();
        await foreach (var result in engine.SubscribeAsync(prepared.Operation!, request, new RequestContext(), CancellationToken.None))
        {
            results.Add(result);
        }

        var only = Assert.Single(results);
        Assert.False(only.HasData);
        Assert.Equal("Subscription field \"Subscription.tick\" has no source stream bound.", Assert.Single(only.Errors!).Message);
    }

    [Fact]
    public async Task Given_resolver_context_When_resolving_Then_path_arguments_and_request_are_visible()
    {
        IReadOnlyList<object>? path = null;
        RequestContext? seen = null;
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { items: [Item] } type Item { name(upper: Boolean = false): String }")
            .BindField("Query", "items", _ => new[] { "x", "y" })
            .BindField("Item", "name", ctx =>
            {
                path = ctx.Path;
                seen = ctx.RequestContext;
                var value = (string)ctx.Source!;
                return ctx.GetArgument<bool>("upper") ? value.ToUpperInvariant() : value;
            })
            .Build());
        var context = new RequestContext { Items = { ["tenant"] = "t1" } };
        var result = await engine.ExecuteAsync(new GraphQLRequest("{ items { n: name(upper: true) } }"), context, CancellationToken.None);
        Assert.Equal("""{"data":{"items":[{"n":"X"},{"n":"Y"}]}}""", result.ToJson());
        Assert.Equal(["items", 1, "n"], path!);
        Assert.Same(context, seen);
    }

    [Fact]
    public async Task Given_clr_objects_When_default_resolver_reads_them_Then_properties_match_case_insensitively()
    {
        var json = await Run.Json("{ human(id: \"1002\") { name homePlanet appearsIn } }");
        Assert.Equal("""{"data":{"human":{"name":"Han Solo","homePlanet":null,"appearsIn":["NEWHOPE"]}}}""", json);
        Assert.IsType<ResultMap>((await Run.Execute("{ hero { name } }")).Data);
    }

    [Fact]
    public async Task Given_schema_without_mutation_type_When_mutation_executed_Then_data_null_and_error_like_graphql_js()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { a: Int }").Build());
        Assert.Equal(
            """{"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}],"data":null}""",
            await Run.Json("mutation { a }", engine: engine));
    }

    [Fact]
    public async Task Given_non_null_mutation_failure_When_executed_Then_later_mutations_do_not_run()
    {
        var ran = new List<string>();
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { a: Int } type Mutation { ok: Int fail: Int! later: Int }")
            .BindField("Mutation", "ok", _ => { ran.Add("ok"); return 1; })
            .BindField("Mutation", "fail", _ => { ran.Add("fail"); return null; })
            .BindField("Mutation", "later", _ => { ran.Add("later"); return 2; })
            .Build());
        var result = await Run.Execute("mutation { ok fail later }", engine: engine);
        Assert.Null(result.Data);
        Assert.Equal(["ok", "fail"], ran);
    }

    [Fact]
    public async Task Given_failing_non_null_field_When_object_nulls_Then_remaining_sibling_fields_are_skipped_like_graphql_js()
    {
        var ran = new List<string>();
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { obj: Obj } type Obj { first: String! second: String }")
            .BindField("Query", "obj", _ => new object())
            .BindField("Obj", "first", _ => { ran.Add("first"); return null; })
            .BindField("Obj", "second", _ => { ran.Add("second"); return "x"; })
            .Build());
        Assert.Equal(
            """{"errors":[{"message":"Cannot return null for non-nullable field Obj.first.","locations":[{"line":1,"column":9}],"path":["obj","first"]}],"data":{"obj":null}}""",
            await Run.Json("{ obj { first second } }", engine: engine));
        Assert.Equal(["first"], ran);
    }
}
