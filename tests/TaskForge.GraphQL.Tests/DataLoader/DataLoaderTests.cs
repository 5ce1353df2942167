using TaskForge.GraphQL.DataLoader;
using TaskForge.GraphQL.Tests.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.DataLoader;

public sealed class DataLoaderTests
{
    private sealed record Task(int Id, int AssigneeId);

    private sealed record User(int Id, string Name, int TeamId);

    private sealed record Team(int Id, string Name);

    [Fact]
    public async System.Threading.Tasks.Task Given_list_with_children_When_executed_Then_one_round_trip_per_level()
    {
        var userBatches = new List<IReadOnlyList<int>>();
        var teamBatches = new List<IReadOnlyList<int>>();
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("""
            type Query { tasks: [Task!]! }
            type Task { id: Int! assignee: User }
            type User { name: String! team: Team }
            type Team { name: String! }
            """)
            .BindField("Query", "tasks", _ => Enumerable.Range(1, 50).Select(i => new Task(i, i % 7)).ToList())
            .BindBatchedField<int, User>("Task", "assignee", ctx => ((Task)ctx.Source!).AssigneeId, async (ids, ct) =>
            {
                lock (userBatches)
                {
                    userBatches.Add(ids);
                }

                await System.Threading.Tasks.Task.Delay(5, ct);
                return ids.ToDictionary(id => id, id => new User(id, "user" + id, id % 3));
            })
            .BindBatchedField<int, Team>("User", "team", ctx => ((User)ctx.Source!).TeamId, (ids, _) =>
            {
                lock (teamBatches)
                {
                    teamBatches.Add(ids);
                }

                return new ValueTask<IReadOnlyDictionary<int, Team>>(ids.ToDictionary(id => id, id => new Team(id, "team" + id)));
            })
            .Build());

        var result = await Run.Execute("{ tasks { id assignee { name team { name } } } }", engine: engine);

        Assert.Null(result.Errors);
        var batch = Assert.Single(userBatches);
        Assert.Equal(7, batch.Count);
        Assert.Equal(3, Assert.Single(teamBatches).Count);
        Assert.Contains("\"assignee\":{\"name\":\"user3\",\"team\":{\"name\":\"team0\"}}", result.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Given_same_key_twice_When_loaded_Then_cached_and_fetched_once()
    {
        var registry = new DataLoaderRegistry();
        var calls = 0;
        var loader = registry.GetOrAdd<string, string>("upper", (keys, _) =>
        {
            calls++;
            return new ValueTask<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k.ToUpperInvariant()));
        });
        Task<string?> first;
        Task<string?> second;
        Task<string?> third;
        using (registry.EnterScope())
        {
            first = loader.LoadAsync("a");
            second = loader.LoadAsync("a");
            third = loader.LoadAsync("b");
        }

        Assert.Equal(new string?[] { "A", "A", "B" }, await System.Threading.Tasks.Task.WhenAll(first, second, third));
        Assert.Same(first, second);
        Assert.Equal(1, calls);
        Assert.Equal("A", await loader.LoadAsync("a"));
        Assert.Equal(1, loader.BatchCount);
    }

    [Fact]
    public async System.Threading.Tasks.Task Given_failing_batch_When_loaded_Then_every_waiting_key_fails()
    {
        var registry = new DataLoaderRegistry();
        var loader = registry.GetOrAdd<int, string>("boom", (_, _) => throw new InvalidOperationException("down"));
        Task<string?> a;
        Task<string?> b;
        using (registry.EnterScope())
        {
            a = loader.LoadAsync(1);
            b = loader.LoadAsync(2);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => a);
        await Assert.ThrowsAsync<InvalidOperationException>(() => b);
    }

    [Fact]
    public async System.Threading.Tasks.Task Given_load_outside_any_scope_When_awaited_Then_it_is_dispatched_anyway()
    {
        var registry = new DataLoaderRegistry();
        var loader = registry.GetOrAdd<int, int>("double", (keys, _) =>
            new ValueTask<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * 2)));
        await System.Threading.Tasks.Task.Yield();
        Assert.Equal(42, await loader.LoadAsync(21).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async System.Threading.Tasks.Task Given_resolvers_that_load_after_their_own_await_When_executed_Then_loads_still_complete()
    {
        var batches = 0;
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("type Query { items: [Int!]! } type Int2 { v: Int }")
            .BindField("Query", "items", async ctx =>
            {
                await System.Threading.Tasks.Task.Delay(1);
                var loader = ctx.GetDataLoader<int, int>("square", (keys, _) =>
                {
                    Interlocked.Increment(ref batches);
                    return new ValueTask<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k, k => k * k));
                });
                return (object?)await loader.LoadManyAsync(Enumerable.Range(1, 20));
            })
            .Build());

        var json = await Support.Run.Json("{ items }", engine: engine);

        Assert.Equal("{\"data\":{\"items\":[" + string.Join(",", Enumerable.Range(1, 20).Select(i => i * i)) + "]}}", json);
        Assert.InRange(batches, 1, 20);
    }
}
