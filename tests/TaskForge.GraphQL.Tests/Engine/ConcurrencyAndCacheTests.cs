using TaskForge.GraphQL.Tests.Support;

namespace TaskForge.GraphQL.Tests.Engine;

public sealed class ConcurrencyAndCacheTests
{
    [Fact]
    public async Task Given_many_parallel_requests_on_one_prepared_document_When_executed_Then_every_result_is_right()
    {
        const string Query = "query Q($id: ID!, $withFriends: Boolean!) { human(id: $id) { name friends @include(if: $withFriends) { name } } }";
        var ids = new[] { "1000", "1001", "1002" };
        var tasks = Enumerable.Range(0, 300).Select(i => Task.Run(async () =>
        {
            var id = ids[i % 3];
            var withFriends = i % 2 == 0;
            var json = await Run.Json(Query, $$"""{"id": "{{id}}", "withFriends": {{(withFriends ? "true" : "false")}}}""");
            return (id, withFriends, json);
        })).ToList();

        foreach (var (id, withFriends, json) in await Task.WhenAll(tasks))
        {
            var expectedName = id switch { "1000" => "Luke Skywalker", "1001" => "Darth Vader", _ => "Han Solo" };
            Assert.StartsWith($$"""{"data":{"human":{"name":"{{expectedName}}" """.TrimEnd(), json, StringComparison.Ordinal);
            Assert.Equal(withFriends, json.Contains("\"friends\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Given_cache_capacity_When_more_documents_arrive_Then_least_recently_used_are_evicted()
    {
        var cache = new DocumentCache<string>(2);
        var created = new List<string>();
        string Create(string key)
        {
            created.Add(key);
            return key.ToUpperInvariant();
        }

        Assert.Equal("A", cache.GetOrAdd("a", Create));
        Assert.Equal("B", cache.GetOrAdd("b", Create));
        Assert.Equal("A", cache.GetOrAdd("a", Create));
        Assert.Equal("C", cache.GetOrAdd("c", Create));
        Assert.Equal("A", cache.GetOrAdd("a", Create));
        Assert.Equal("B", cache.GetOrAdd("b", Create));
        Assert.Equal(["a", "b", "c", "b"], created);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task Given_limits_switched_off_When_executed_Then_nothing_is_enforced()
    {
        var engine = GraphQLEngine.Create(StarWarsSchema.Build(), new GraphQLEngineOptions
        {
            MaxDepth = null, MaxCost = null, MaxAliases = null, MaxRootFields = null, ExecutionTimeout = null, DocumentCacheSize = 0,
        });
        var deep = "{ hero { " + string.Concat(Enumerable.Repeat("friends { ", 20)) + "name" + new string('}', 20) + " } }";
        var result = await Run.Execute(deep, engine: engine);
        Assert.Null(result.Errors);
        Assert.NotNull(result.Data);
    }
}
