using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Support;

/// <summary>A small schema with interfaces, unions, enums, inputs, lists and non-nulls, backed by in-memory data.</summary>
public static class StarWarsSchema
{
    public const string Sdl = """
        "The query root"
        type Query {
          hero(episode: Episode): Character
          human(id: ID!): Human
          droid(id: ID!): Droid
          characters(first: Int): [Character!]!
          search(text: String!): [SearchResult]
          echo(input: EchoInput, text: String = "default", number: Int, numbers: [Int!], flag: Boolean, when: DateTime): String
          oneOf(input: OneOfInput!): String
          failing: String
          failingNonNull: String!
          typed: String
          slow: String
          nonNullList: [String!]
          json(value: JSON): JSON
        }

        type Mutation {
          increment(by: Int! = 1): Int!
          fail: Int
        }

        type Subscription {
          counter(to: Int!): Int!
        }

        enum Episode { NEWHOPE EMPIRE JEDI }

        interface Node { id: ID! }

        interface Character implements Node {
          id: ID!
          name: String!
          friends: [Character]
          appearsIn: [Episode]!
        }

        type Human implements Character & Node {
          id: ID!
          name: String!
          friends: [Character]
          appearsIn: [Episode]!
          homePlanet: String
          secret: String!
        }

        type Droid implements Character & Node {
          id: ID!
          name: String!
          friends: [Character]
          appearsIn: [Episode]!
          primaryFunction: String
        }

        union SearchResult = Human | Droid

        input EchoInput {
          text: String!
          times: Int = 1
          nested: EchoInput
        }

        input OneOfInput @oneOf {
          a: String
          b: Int
        }

        scalar DateTime
        scalar JSON
        """;

    public static readonly IReadOnlyList<Character> Characters =
    [
        new Human("1000", "Luke Skywalker", ["1002", "2000"], ["NEWHOPE", "EMPIRE", "JEDI"], "Tatooine", null),
        new Human("1001", "Darth Vader", [], ["NEWHOPE"], "Tatooine", "father"),
        new Human("1002", "Han Solo", ["1000"], ["NEWHOPE"], null, "smuggler"),
        new Droid("2000", "C-3PO", ["1000"], ["NEWHOPE", "EMPIRE"], "Protocol"),
        new Droid("2001", "R2-D2", ["1000", "2000"], ["NEWHOPE"], "Astromech"),
    ];

    public static Schema Build(Action<SchemaBuilder>? configure = null)
    {
        var counter = 0;
        var builder = SchemaBuilder.FromSdl(Sdl)
            .BindScalar("DateTime", StandardScalars.DateTime)
            .BindScalar("JSON", StandardScalars.Json)
            .BindField("Query", "hero", ctx => ctx.GetArgument<string>("episode") == "EMPIRE" ? Characters[0] : Characters[4])
            .BindField("Query", "human", ctx => Characters.OfType<Human>().FirstOrDefault(h => h.Id == ctx.GetArgument<string>("id")))
            .BindField("Query", "droid", ctx => Characters.OfType<Droid>().FirstOrDefault(h => h.Id == ctx.GetArgument<string>("id")))
            .BindField("Query", "characters", ctx => Characters.Take(ctx.GetArgument<int?>("first") ?? Characters.Count).ToList())
            .BindField("Query", "search", ctx => Characters.Where(c => c.Name.Contains(ctx.GetArgument<string>("text")!, StringComparison.Ordinal)).ToList())
            .BindField("Query", "echo", ctx => System.Text.Json.JsonSerializer.Serialize(ctx.Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary()))
            .BindField("Query", "oneOf", ctx => System.Text.Json.JsonSerializer.Serialize(ctx.Arguments["input"]))
            .BindField("Query", "failing", _ => throw new InvalidOperationException("database password is hunter2"))
            .BindField("Query", "failingNonNull", _ => throw new GraphQLException("Not allowed.", "FORBIDDEN"))
            .BindField("Query", "typed", _ => throw new GraphQLException("Nope.", "NOPE"))
            .BindField("Query", "slow", async ctx =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ctx.CancellationToken);
                return "late";
            })
            .BindField("Query", "nonNullList", _ => new[] { "a", null, "c" })
            .BindField("Query", "json", ctx => ctx.Arguments.GetValueOrDefault("value"))
            .BindField("Character", "friends", ctx => ((Character)ctx.Source!).FriendIds.Select(id => Characters.First(c => c.Id == id)).ToList())
            .BindField("Mutation", "increment", ctx => counter += ctx.GetArgument<int>("by"))
            .BindField("Mutation", "fail", _ => throw new GraphQLException("Mutation failed.", "FAILED"))
            .BindSubscription("Subscription", "counter", ctx => Count(ctx.GetArgument<int>("to"), ctx.CancellationToken))
            .BindRuntimeType<Human>("Human")
            .BindRuntimeType<Droid>("Droid");
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static async IAsyncEnumerable<object?> Count(int to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= to; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return i;
        }
    }

    public abstract record Character(string Id, string Name, IReadOnlyList<string> FriendIds, IReadOnlyList<string> AppearsIn);

    public sealed record Human(string Id, string Name, IReadOnlyList<string> FriendIds, IReadOnlyList<string> AppearsIn, string? HomePlanet, string? Secret)
        : Character(Id, Name, FriendIds, AppearsIn);

    public sealed record Droid(string Id, string Name, IReadOnlyList<string> FriendIds, IReadOnlyList<string> AppearsIn, string? PrimaryFunction)
        : Character(Id, Name, FriendIds, AppearsIn);
}
