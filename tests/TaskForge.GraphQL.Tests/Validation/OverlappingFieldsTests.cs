using TaskForge.GraphQL.Validation.Rules;
using static TaskForge.GraphQL.Tests.Validation.RuleAssert;

namespace TaskForge.GraphQL.Tests.Validation;

public sealed class OverlappingFieldsTests
{
    [Fact]
    public void Accepts_identical_fields_and_different_fields_on_exclusive_object_types() =>
        Passes<OverlappingFieldsCanBeMergedRule>(
            "{ hero { name name ... on Human { x: homePlanet } ... on Droid { x: primaryFunction } } }");

    [Fact]
    public void Rejects_alias_to_different_fields() =>
        Fails<OverlappingFieldsCanBeMergedRule>(
            "{ hero { x: name x: id } }",
            Error("Fields \"x\" conflict because \"name\" and \"id\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 10), (1, 18)));

    [Fact]
    public void Rejects_differing_arguments_through_fragments() =>
        Fails<OverlappingFieldsCanBeMergedRule>(
            "{ echo(text: \"a\") ...F }\nfragment F on Query { echo(text: \"b\") }",
            Error("Fields \"echo\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 3), (2, 23)));

    [Fact]
    public void Rejects_conflicting_return_types_even_on_exclusive_types() =>
        Fails<OverlappingFieldsCanBeMergedRule>(
            "{ hero { ... on Human { x: homePlanet } ... on Droid { x: appearsIn } } }",
            Error("Fields \"x\" conflict because they return conflicting types \"String\" and \"[Episode]!\". Use different aliases on the fields to fetch both if this was intentional.", (1, 25), (1, 56)));

    [Fact]
    public void Rejects_conflicting_subfields_with_nested_reason() =>
        Fails<OverlappingFieldsCanBeMergedRule>(
            "{ hero { friends { x: name } friends { x: id } } }",
            Error("Fields \"friends\" conflict because subfields \"x\" conflict because \"name\" and \"id\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 10), (1, 20), (1, 30), (1, 40)));

    [Fact]
    public void Bug_conflict_inside_nested_inline_fragments_is_reported_once() =>
        Fails<OverlappingFieldsCanBeMergedRule>(
            "{ search(text: \"\") { ... on SearchResult { ... on Human { v: homePlanet } ... on Droid { v: appearsIn } __typename } } }",
            Error("Fields \"v\" conflict because they return conflicting types \"String\" and \"[Episode]!\". Use different aliases on the fields to fetch both if this was intentional.", (1, 59), (1, 90)));

    [Fact]
    public void Bug_conflict_under_three_untyped_inline_fragments_is_reported_once() =>
        Fails<OverlappingFieldsCanBeMergedRule>(
            "{ hero { ... { ... { ... { x: name } } x: id } } }",
            Error("Fields \"x\" conflict because \"name\" and \"id\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 28), (1, 40)));

    [Fact]
    public void Stays_fast_on_many_repeated_fragments()
    {
        var fragments = string.Join("\n", Enumerable.Range(0, 100).Select(i => $"fragment F{i} on Query {{ hero {{ name }} {(i < 99 ? $"...F{i + 1}" : string.Empty)} }}"));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        Passes<OverlappingFieldsCanBeMergedRule>("{ ...F0 hero { name } }\n" + fragments);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
    }
}
