using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Tests.Support;
using TaskForge.GraphQL.Types;
using TaskForge.GraphQL.Validation;

namespace TaskForge.GraphQL.Tests.Validation;

/// <summary>Runs one rule (like graphql-js's expectValidationErrors) against the Star Wars schema.</summary>
internal static class RuleAssert
{
    private static readonly Lazy<Schema> TestSchema = new(() => StarWarsSchema.Build());

    public static void Passes<TRule>(string document)
        where TRule : ValidationRule, new()
    {
        var errors = Validate<TRule>(document);
        Assert.True(errors.Count == 0, "unexpected errors: " + string.Join("; ", errors.Select(e => e.Message)));
    }

    public static void Fails<TRule>(string document, params (string Message, (int Line, int Column)[] Locations)[] expected)
        where TRule : ValidationRule, new()
    {
        var errors = Validate<TRule>(document);
        Assert.Equal(
            expected.Select(e => e.Message + " @ " + string.Join(", ", e.Locations.Select(l => $"{l.Line}:{l.Column}"))).ToList(),
            errors.Select(e => e.Message + " @ " + string.Join(", ", (e.Locations ?? []).Select(l => $"{l.Line}:{l.Column}"))).ToList());
        Assert.All(errors, e => Assert.Equal(ErrorCodes.ValidationFailed, e.Code));
    }

    public static (string, (int, int)[]) Error(string message, params (int, int)[] locations) => (message, locations);

    private static IReadOnlyList<GraphQLError> Validate<TRule>(string document)
        where TRule : ValidationRule, new() =>
        DocumentValidator.Validate(TestSchema.Value, Parser.Parse(document), [new TRule()]);
}
