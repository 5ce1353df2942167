using TaskForge.GraphQL.Validation.Rules;
using static TaskForge.GraphQL.Tests.Validation.RuleAssert;

namespace TaskForge.GraphQL.Tests.Validation;

public sealed class DocumentRulesTests
{
    [Fact]
    public void ExecutableDefinitions_accepts_operations_and_fragments() =>
        Passes<ExecutableDefinitionsRule>("query Q { hero { ...F } } fragment F on Character { name }");

    [Fact]
    public void ExecutableDefinitions_rejects_type_definitions() =>
        Fails<ExecutableDefinitionsRule>(
            "query Q { hero { name } }\ntype Cow { name: String }\nextend type Human { x: Int }\nschema { query: Query }",
            Error("The \"Cow\" definition is not executable.", (2, 1)),
            Error("The \"Human\" definition is not executable.", (3, 1)),
            Error("The schema definition is not executable.", (4, 1)));

    [Fact]
    public void UniqueOperationNames_accepts_distinct_names() =>
        Passes<UniqueOperationNamesRule>("query A { hero { name } } query B { hero { name } } mutation C { fail }");

    [Fact]
    public void UniqueOperationNames_rejects_duplicates_across_kinds() =>
        Fails<UniqueOperationNamesRule>(
            "query A { hero { name } }\nmutation A { fail }",
            Error("There can be only one operation named \"A\".", (1, 7), (2, 10)));

    [Fact]
    public void LoneAnonymousOperation_accepts_single_anonymous() =>
        Passes<LoneAnonymousOperationRule>("{ hero { name } } fragment F on Query { hero { name } }");

    [Fact]
    public void LoneAnonymousOperation_rejects_anonymous_among_others() =>
        Fails<LoneAnonymousOperationRule>(
            "{ hero { name } }\nquery Named { hero { name } }",
            Error("This anonymous operation must be the only defined operation.", (1, 1)));

    [Fact]
    public void SingleFieldSubscriptions_accepts_one_root_field() =>
        Passes<SingleFieldSubscriptionsRule>("subscription S { counter(to: 1) ...F } fragment F on Subscription { counter(to: 1) }");

    [Fact]
    public void SingleFieldSubscriptions_rejects_extra_and_introspection_fields() =>
        Fails<SingleFieldSubscriptionsRule>(
            "subscription S {\n  counter(to: 1)\n  other: counter(to: 2)\n  __typename\n}",
            Error("Subscription \"S\" must select only one top level field.", (3, 3), (4, 3)),
            Error("Subscription \"S\" must not select an introspection top level field.", (4, 3)));

    [Fact]
    public void UniqueFragmentNames_accepts_distinct_fragments() =>
        Passes<UniqueFragmentNamesRule>("{ hero { ...A ...B } } fragment A on Character { name } fragment B on Character { id }");

    [Fact]
    public void UniqueFragmentNames_rejects_duplicates() =>
        Fails<UniqueFragmentNamesRule>(
            "{ hero { ...A } }\nfragment A on Character { name }\nfragment A on Character { id }",
            Error("There can be only one fragment named \"A\".", (2, 10), (3, 10)));

    [Fact]
    public void KnownFragmentNames_accepts_defined_fragments() =>
        Passes<KnownFragmentNamesRule>("{ hero { ...A } } fragment A on Character { name }");

    [Fact]
    public void KnownFragmentNames_rejects_unknown_spread() =>
        Fails<KnownFragmentNamesRule>("{ hero { ...Missing } }", Error("Unknown fragment \"Missing\".", (1, 13)));

    [Fact]
    public void NoUnusedFragments_accepts_fragments_used_transitively() =>
        Passes<NoUnusedFragmentsRule>("{ hero { ...A } } fragment A on Character { ...B } fragment B on Character { name }");

    [Fact]
    public void NoUnusedFragments_rejects_unused() =>
        Fails<NoUnusedFragmentsRule>(
            "{ hero { name } }\nfragment Unused on Character { name }",
            Error("Fragment \"Unused\" is never used.", (2, 1)));

    [Fact]
    public void NoFragmentCycles_accepts_acyclic_spreads() =>
        Passes<NoFragmentCyclesRule>("{ hero { ...A } } fragment A on Character { ...B } fragment B on Character { name }");

    [Fact]
    public void NoFragmentCycles_rejects_cycle_through_other_fragments() =>
        Fails<NoFragmentCyclesRule>(
            "fragment A on Character { ...B }\nfragment B on Character { ...C }\nfragment C on Character { ...A }",
            Error("Cannot spread fragment \"A\" within itself via \"B\", \"C\".", (1, 27), (2, 27), (3, 27)));

    [Fact]
    public void MaxIntrospectionDepth_accepts_standard_depth() =>
        Passes<MaxIntrospectionDepthRule>("{ __schema { types { fields { type { fields { name } } } } } }");

    [Fact]
    public void MaxIntrospectionDepth_rejects_three_nested_lists() =>
        Fails<MaxIntrospectionDepthRule>(
            "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
            Error("Maximum introspection depth exceeded", (1, 3)));
}
