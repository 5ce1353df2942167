using TaskForge.GraphQL.Validation.Rules;
using static TaskForge.GraphQL.Tests.Validation.RuleAssert;

namespace TaskForge.GraphQL.Tests.Validation;

public sealed class VariableRulesTests
{
    [Fact]
    public void UniqueVariableNames_accepts_distinct_variables() =>
        Passes<UniqueVariableNamesRule>("query Q($a: Int, $b: Int) { echo(number: $a) }");

    [Fact]
    public void UniqueVariableNames_rejects_duplicates() =>
        Fails<UniqueVariableNamesRule>(
            "query Q($a: Int, $a: String) { echo }",
            Error("There can be only one variable named \"$a\".", (1, 10), (1, 19)));

    [Fact]
    public void VariablesAreInputTypes_accepts_input_types() =>
        Passes<VariablesAreInputTypesRule>("query Q($a: [Int!], $e: Episode!, $i: EchoInput) { echo }");

    [Fact]
    public void VariablesAreInputTypes_rejects_output_types() =>
        Fails<VariablesAreInputTypesRule>(
            "query Q($h: Human, $l: [Character!]) { echo }",
            Error("Variable \"$h\" cannot be non-input type \"Human\".", (1, 13)),
            Error("Variable \"$l\" cannot be non-input type \"[Character!]\".", (1, 24)));

    [Fact]
    public void NoUndefinedVariables_accepts_variables_defined_for_fragments() =>
        Passes<NoUndefinedVariablesRule>("query Q($t: String) { ...F } fragment F on Query { echo(text: $t) }");

    [Fact]
    public void NoUndefinedVariables_rejects_undefined_variable_in_fragment() =>
        Fails<NoUndefinedVariablesRule>(
            "query Q { ...F }\nfragment F on Query { echo(text: $t) }",
            Error("Variable \"$t\" is not defined by operation \"Q\".", (2, 34), (1, 1)));

    [Fact]
    public void NoUnusedVariables_accepts_variables_used_in_fragments() =>
        Passes<NoUnusedVariablesRule>("query Q($t: String) { ...F } fragment F on Query { echo(text: $t) }");

    [Fact]
    public void NoUnusedVariables_rejects_unused_variable() =>
        Fails<NoUnusedVariablesRule>(
            "query Q($t: String, $u: Int) { echo(text: $t) }",
            Error("Variable \"$u\" is never used in operation \"Q\".", (1, 21)));

    [Fact]
    public void VariablesInAllowedPosition_accepts_matching_and_defaulted_variables() =>
        Passes<VariablesInAllowedPositionRule>("query Q($id: ID!, $n: Int = 1, $by: Int) { human(id: $id) { name } echo(numbers: [$n]) } mutation M($by: Int) { increment(by: $by) }");

    [Fact]
    public void VariablesInAllowedPosition_rejects_nullable_in_non_null_and_type_mismatch() =>
        Fails<VariablesInAllowedPositionRule>(
            "query Q($id: ID, $n: String) { human(id: $id) { name } echo(number: $n) }",
            Error("Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\".", (1, 9), (1, 42)),
            Error("Variable \"$n\" of type \"String\" used in position expecting type \"Int\".", (1, 18), (1, 69)));

    [Fact]
    public void KnownDirectives_accepts_directives_in_valid_locations() =>
        Passes<KnownDirectivesRule>("query Q { hero @include(if: true) { ...F @skip(if: false) } } fragment F on Character { name }");

    [Fact]
    public void KnownDirectives_rejects_unknown_and_misplaced_directives() =>
        Fails<KnownDirectivesRule>(
            "query Q @skip(if: true) { hero @unknown { name } }",
            Error("Directive \"@skip\" may not be used on QUERY.", (1, 9)),
            Error("Unknown directive \"@unknown\".", (1, 32)));

    [Fact]
    public void UniqueDirectivesPerLocation_accepts_different_directives() =>
        Passes<UniqueDirectivesPerLocationRule>("{ hero @include(if: true) @skip(if: false) { name } }");

    [Fact]
    public void UniqueDirectivesPerLocation_rejects_repeated_non_repeatable_directive() =>
        Fails<UniqueDirectivesPerLocationRule>(
            "{ hero @skip(if: true) @skip(if: false) { name } }",
            Error("The directive \"@skip\" can only be used once at this location.", (1, 8), (1, 24)));
}
