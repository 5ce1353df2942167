using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Transport;

/// <summary>The small schema the sample server serves: a query, a mutation and two host-supplied event streams.</summary>
internal sealed class SampleSchema
{
    public const string Sdl = """
        type Query {
          hello(name: String = "world"): String!
          whoami: String
          "Never answers: runs into the engine's execution timeout."
          slow: String
          "Answers after delayMs milliseconds (to defer)."
          later(delayMs: Int! = 20, name: String = "later"): String!
          "Three letters (to stream)."
          letters: [String!]!
        }

        type Mutation {
          increment(by: Int = 1): Int!
        }

        type Subscription {
          "Counts down to zero, then the stream ends."
          countdown(from: Int!): Int!
          "Ticks until the client completes; the label names the stream for WhenTicksStopped."
          ticks(label: String! = ""): Int!
          "Yields 1, then its source stream fails."
          faulty: Int!
        }
        """;

    private int _counter;

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _ticksStopped = new(StringComparer.Ordinal);

    /// <summary>Completes when the ticks stream with this label has been stopped (the client completed or went away).</summary>
    public Task WhenTicksStopped(string label) => Stopped(label).Task;

    /// <summary>An engine over the sample schema; <paramref name="executionTimeout"/> null keeps the engine's default.</summary>
    public GraphQLEngine CreateEngine(TimeSpan? executionTimeout = null) => GraphQLEngine.Create(SchemaBuilder.FromSdl(Sdl)
        .BindField("Query", "hello", ctx => $"Hello, {ctx.GetArgument<string>("name")}!")
        .BindField("Query", "whoami", ctx => ctx.Items.TryGetValue("user", out var user) ? user : ctx.User?.Identity?.Name)
        .BindField("Query", "slow", async ctx =>
        {
            await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
            return (object?)null;
        })
        .BindField("Query", "later", async ctx =>
        {
            await Task.Delay(ctx.GetArgument<int>("delayMs"), ctx.CancellationToken);
            return (object?)("Later, " + ctx.GetArgument<string>("name") + "!");
        })
        .BindField("Query", "letters", _ => new[] { "a", "b", "c" })
        .AddDeferAndStreamDirectives()
        .BindField("Mutation", "increment", ctx => Interlocked.Add(ref _counter, ctx.GetArgument<int>("by")))
        .BindSubscription("Subscription", "countdown", ctx => Countdown(ctx.GetArgument<int>("from"), ctx.CancellationToken))
        .BindField("Subscription", "countdown", ctx => ctx.Source)
        .BindSubscription("Subscription", "ticks", ctx => Ticks(ctx.GetArgument<string>("label") ?? string.Empty, ctx.CancellationToken))
        .BindField("Subscription", "ticks", ctx => ctx.Source)
        .BindSubscription("Subscription", "faulty", _ => Faulty())
        .BindField("Subscription", "faulty", ctx => ctx.Source)
        .Build(), executionTimeout is null ? null : new GraphQLEngineOptions { ExecutionTimeout = executionTimeout });

    private static async IAsyncEnumerable<object?> Countdown(int from, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = from; i >= 0; i--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return i;
        }
    }

    private static async IAsyncEnumerable<object?> Faulty()
    {
        yield return 1;
        await Task.Yield();
        throw new InvalidOperationException("The event source broke.");
    }

    private TaskCompletionSource Stopped(string label) =>
        _ticksStopped.GetOrAdd(label, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async IAsyncEnumerable<object?> Ticks(string label, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 1; ; i++)
            {
                yield return i;
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
        }
        finally
        {
            Stopped(label).TrySetResult();
        }
    }
}
