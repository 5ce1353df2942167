using TaskForge.GraphQL.Validation.Rules;
using static TaskForge.GraphQL.Tests.Validation.RuleAssert;

namespace TaskForge.GraphQL.Tests.Validation;

public sealed class FieldRulesTests
{
    [Fact]
    public void FieldsOnCorrectType_accepts_fields_of_interfaces_and_typename_on_unions() =>
        Passes<FieldsOnCorrectTypeRule>("{ hero { name __typename ... on Human { homePlanet } } search(text: \"a\") { __typename } }");

    [Fact]
    public void FieldsOnCorrectType_rejects_unknown_field_with_suggestions() =>
        Fails<FieldsOnCorrectTypeRule>(
            "{ hero { nam homePlanet } }",
            Error("Cannot query field \"nam\" on type \"Character\". Did you mean \"name\"?", (1, 10)),
            Error("Cannot query field \"homePlanet\" on type \"Character\". Did you mean to use an inline fragment on \"Human\"?", (1, 14)));

    [Fact]
    public void FieldsOnCorrectType_rejects_field_on_union() =>
        Fails<FieldsOnCorrectTypeRule>(
            "{ search(text: \"a\") { name } }",
            Error("Cannot query field \"name\" on type \"SearchResult\". Did you mean to use an inline fragment on \"Character\", \"Droid\", or \"Human\"?", (1, 23)));

    [Fact]
    public void ScalarLeafs_accepts_leaves_without_and_objects_with_selections() =>
        Passes<ScalarLeafsRule>("{ hero { name appearsIn } }");

    [Fact]
    public void ScalarLeafs_rejects_missing_and_extra_selections() =>
        Fails<ScalarLeafsRule>(
            "{ hero\n  human(id: 1) { name { x } } }",
            Error("Field \"hero\" of type \"Character\" must have a selection of subfields. Did you mean \"hero { ... }\"?", (1, 3)),
            Error("Field \"name\" must not have a selection since type \"String!\" has no subfields.", (2, 23)));

    [Fact]
    public void FragmentsOnCompositeTypes_accepts_object_interface_and_union_conditions() =>
        Passes<FragmentsOnCompositeTypesRule>("{ hero { ... on Human { id } ...F } } fragment F on SearchResult { __typename }");

    [Fact]
    public void FragmentsOnCompositeTypes_rejects_scalar_conditions() =>
        Fails<FragmentsOnCompositeTypesRule>(
            "{ hero { ... on String { x } } }\nfragment F on Episode { x }",
            Error("Fragment cannot condition on non composite type \"String\".", (1, 17)),
            Error("Fragment \"F\" cannot condition on non composite type \"Episode\".", (2, 15)));

    [Fact]
    public void PossibleFragmentSpreads_accepts_overlapping_types() =>
        Passes<PossibleFragmentSpreadsRule>("{ hero { ... on Droid { id } ... on Node { id } } search(text: \"a\") { ... on Human { id } } }");

    [Fact]
    public void PossibleFragmentSpreads_rejects_impossible_spreads() =>
        Fails<PossibleFragmentSpreadsRule>(
            "{ human(id: 1) { ... on Droid { id } ...D } }\nfragment D on Droid { id }",
            Error("Fragment cannot be spread here as objects of type \"Human\" can never be of type \"Droid\".", (1, 18)),
            Error("Fragment \"D\" cannot be spread here as objects of type \"Human\" can never be of type \"Droid\".", (1, 38)));

    [Fact]
    public void KnownTypeNames_accepts_schema_types() =>
        Passes<KnownTypeNamesRule>("query Q($e: Episode, $i: EchoInput) { hero { ... on Human { id } } }");

    [Fact]
    public void KnownTypeNames_rejects_unknown_types_with_suggestions() =>
        Fails<KnownTypeNamesRule>(
            "query Q($e: Episod) { hero { ... on Humn { id } } }",
            Error("Unknown type \"Episod\". Did you mean \"Episode\"?", (1, 13)),
            Error("Unknown type \"Humn\". Did you mean \"Human\"?", (1, 37)));
}
