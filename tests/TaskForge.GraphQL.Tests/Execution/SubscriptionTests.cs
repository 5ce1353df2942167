using System.Runtime.CompilerServices;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Execution;

public sealed class SubscriptionTests
{
    private static async IAsyncEnumerable<object?> Events(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Dictionary<string, object?> { ["n"] = i };
        }
    }

    private static GraphQLEngine Engine() => GraphQLEngine.Create(SchemaBuilder.FromSdl("""
            type Query { a: Int }
            type Subscription { changed(limit: Int!): Change! }
            type Change { n: Int! doubled: Int }
            """)
        .BindSubscription("Subscription", "changed", ctx => Events(ctx.GetArgument<int>("limit"), ctx.CancellationToken))
        .BindField("Change", "doubled", ctx =>
        {
            var n = (int)((IReadOnlyDictionary<string, object?>)ctx.Source!)["n"]!;
            return n == 2 ? throw new GraphQLException("Two is odd today.", "ODD") : n * 2;
        })
        .Build());

    [Fact]
    public async Task Given_events_When_one_fails_Then_that_result_carries_the_error_and_the_stream_goes_on()
    {
        var engine = Engine();
        var request = new GraphQLRequest("subscription S($l: Int!) { changed(limit: $l) { n doubled } }", Variables: new Dictionary<string, object?> { ["l"] = 3L });
        var prepared = engine.Prepare(request);
        var results = new List<string>();
        await foreach (var result in engine.SubscribeAsync(prepared.Operation!, request, new RequestContext(), CancellationToken.None))
        {
            results.Add(result.ToJson());
        }

        Assert.Equal(
            [
                """{"data":{"changed":{"n":1,"doubled":2}}}""",
                """{"errors":[{"message":"Two is odd today.","locations":[{"line":1,"column":51}],"path":["changed","doubled"],"extensions":{"code":"ODD"}}],"data":{"changed":{"n":2,"doubled":null}}}""",
                """{"data":{"changed":{"n":3,"doubled":6}}}""",
            ],
            results);
    }

    [Fact]
    public async Task Given_subscriber_cancels_When_streaming_Then_the_source_stream_stops()
    {
        var engine = Engine();
        var request = new GraphQLRequest("subscription { changed(limit: 1000000) { n } }");
        var prepared = engine.Prepare(request);
        using var cancellation = new CancellationTokenSource();
        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in engine.SubscribeAsync(prepared.Operation!, request, new RequestContext(), cancellation.Token))
            {
                if (++received == 5)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal(5, received);
    }

    [Fact]
    public async Task Given_bad_variables_When_subscribing_Then_single_result_without_data()
    {
        var engine = Engine();
        var request = new GraphQLRequest("subscription S($l: Int!) { changed(limit: $l) { n } }");
        var prepared = engine.Prepare(request);
        var results = new List<ExecutionResult>();
        await foreach (var result in engine.SubscribeAsync(prepared.Operation!, request, new RequestContext(), CancellationToken.None))
        {
            results.Add(result);
        }

        Assert.False(Assert.Single(results).HasData);
        Assert.Equal(ErrorCodes.BadUserInput, results[0].Errors![0].Code);
    }
}
