using TaskForge.GraphQL.Validation.Rules;
using static TaskForge.GraphQL.Tests.Validation.RuleAssert;

namespace TaskForge.GraphQL.Tests.Validation;

public sealed class ArgumentRulesTests
{
    [Fact]
    public void KnownArgumentNames_accepts_defined_arguments() =>
        Passes<KnownArgumentNamesRule>("{ hero(episode: JEDI) @include(if: true) { name } }");

    [Fact]
    public void KnownArgumentNames_rejects_unknown_arguments_on_fields_and_directives() =>
        Fails<KnownArgumentNamesRule>(
            "{ hero(episod: JEDI) @skip(iff: true) { name } }",
            Error("Unknown argument \"episod\" on field \"Query.hero\". Did you mean \"episode\"?", (1, 8)),
            Error("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (1, 28)));

    [Fact]
    public void UniqueArgumentNames_accepts_distinct_arguments() =>
        Passes<UniqueArgumentNamesRule>("{ echo(text: \"a\", number: 1) }");

    [Fact]
    public void UniqueArgumentNames_rejects_repeated_argument() =>
        Fails<UniqueArgumentNamesRule>(
            "{ echo(text: \"a\", text: \"b\") }",
            Error("There can be only one argument named \"text\".", (1, 8), (1, 19)));

    [Fact]
    public void ProvidedRequiredArguments_accepts_required_and_defaulted() =>
        Passes<ProvidedRequiredArgumentsRule>("{ human(id: 1) { name } } mutation { increment }");

    [Fact]
    public void ProvidedRequiredArguments_rejects_missing_required_on_field_and_directive() =>
        Fails<ProvidedRequiredArgumentsRule>(
            "{ human { name @include } }",
            Error("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 16)),
            Error("Field \"human\" argument \"id\" of type \"ID!\" is required, but it was not provided.", (1, 3)));

    [Fact]
    public void UniqueInputFieldNames_accepts_distinct_fields() =>
        Passes<UniqueInputFieldNamesRule>("{ echo(input: {text: \"a\", nested: {text: \"b\"}}) }");

    [Fact]
    public void UniqueInputFieldNames_rejects_repeated_field() =>
        Fails<UniqueInputFieldNamesRule>(
            "{ echo(input: {text: \"a\", text: \"b\"}) }",
            Error("There can be only one input field named \"text\".", (1, 16), (1, 27)));

    [Fact]
    public void ValuesOfCorrectType_accepts_valid_literals_and_list_coercion() =>
        Passes<ValuesOfCorrectTypeRule>(
            "{ echo(input: {text: \"a\", times: 2}, number: 1, numbers: 3, flag: true, when: \"2024-01-02T03:04:05Z\") hero(episode: JEDI) { name } oneOf(input: {a: \"x\"}) }");

    [Fact]
    public void ValuesOfCorrectType_rejects_bad_scalars_enums_and_objects() =>
        Fails<ValuesOfCorrectTypeRule>(
            "{\n  echo(number: \"1\", flag: 1, numbers: [1, null], input: {times: 1, bogus: 2})\n  hero(episode: \"JEDI\") { name }\n  human(id: 1.5) { name }\n}",
            Error("Int cannot represent non-integer value: \"1\"", (2, 16)),
            Error("Boolean cannot represent a non boolean value: 1", (2, 27)),
            Error("Expected value of type \"Int!\", found null.", (2, 43)),
            Error("Field \"EchoInput.text\" of required type \"String!\" was not provided.", (2, 57)),
            Error("Field \"bogus\" is not defined by type \"EchoInput\".", (2, 68)),
            Error("Enum \"Episode\" cannot represent non-enum value: \"JEDI\". Did you mean the enum value \"JEDI\"?", (3, 17)),
            Error("ID cannot represent a non-string and non-integer value: 1.5", (4, 13)));

    [Fact]
    public void ValuesOfCorrectType_rejects_unknown_enum_value_and_bad_one_of() =>
        Fails<ValuesOfCorrectTypeRule>(
            "{ hero(episode: JEDII) { name } oneOf(input: {a: \"x\", b: 1}) other: oneOf(input: {a: null}) }",
            Error("Value \"JEDII\" does not exist in \"Episode\" enum. Did you mean the enum value \"JEDI\"?", (1, 17)),
            Error("OneOf Input Object \"OneOfInput\" must specify exactly one key.", (1, 46)),
            Error("Field \"OneOfInput.a\" must be non-null.", (1, 82)));
}
