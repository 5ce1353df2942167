using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Tests.Support;
using TaskForge.GraphQL.Validation;

namespace TaskForge.GraphQL.Tests.Validation;

public sealed class HostileDocumentsTests
{
    [Theory]
    [InlineData("{ hero { ...A } } fragment A on Character { friends { ...A } name }", "Cannot spread fragment \"A\" within itself.")]
    [InlineData("{ ...Q } fragment Q on Query { hero { name } ...Q }", "Cannot spread fragment \"Q\" within itself.")]
    [InlineData("{ hero { ...A ...B } } fragment A on Character { friends { ...B } } fragment B on Character { friends { ...A } }", "Cannot spread fragment \"A\" within itself via \"B\".")]
    public void Given_fragment_cycles_When_all_rules_run_Then_only_the_cycle_is_reported_like_graphql_js(string document, string message)
    {
        var errors = DocumentValidator.Validate(StarWarsSchema.Build(), Parser.Parse(document));
        Assert.Equal([message], errors.Select(e => e.Message));
    }

    [Fact]
    public void Given_random_garbage_When_prepared_Then_errors_and_never_exceptions()
    {
        const string Alphabet = "{}()[]:$@!.=|&\"#\\ \n,abcxyzheronamefriends0123456789-_onfragmentquery...\u00e9\uD83D\uDE00";
        var random = new Random(4242);
        for (var i = 0; i < 3000; i++)
        {
            var length = random.Next(1, 120);
            var chars = new char[length];
            for (var c = 0; c < length; c++)
            {
                chars[c] = Alphabet[random.Next(Alphabet.Length)];
            }

            var result = Run.Engine.Prepare(new GraphQLRequest(new string(chars)));
            Assert.True(result.IsSuccess || result.Errors is { Count: > 0 });
        }
    }

    [Fact]
    public void Given_mutated_valid_queries_When_prepared_Then_errors_and_never_exceptions()
    {
        const string Valid = "query Q($e: Episode = JEDI, $n: Int) { hero(episode: $e) { name ...F friends { ... on Human { homePlanet } } } echo(input: {text: \"x\", nested: {text: \"y\"}}, numbers: [1, 2, $n]) } fragment F on Character { id appearsIn }";
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var chars = Valid.ToCharArray();
            for (var m = 0; m < 3; m++)
            {
                chars[random.Next(chars.Length)] = Valid[random.Next(Valid.Length)];
            }

            var result = Run.Engine.Prepare(new GraphQLRequest(new string(chars)));
            Assert.True(result.IsSuccess || result.Errors is { Count: > 0 });
        }
    }
}
