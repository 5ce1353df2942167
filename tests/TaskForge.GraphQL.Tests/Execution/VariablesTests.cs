using TaskForge.GraphQL.Tests.Support;

namespace TaskForge.GraphQL.Tests.Execution;

public sealed class VariablesTests
{
    [Fact]
    public async Task Given_json_variables_When_executed_Then_values_are_coerced_with_defaults()
    {
        var json = await Run.Json(
            "query Q($input: EchoInput, $n: Int, $list: [Int!], $when: DateTime) { echo(input: $input, number: $n, numbers: $list, when: $when) }",
            """{"input": {"text": "hi"}, "n": 3, "list": 7, "when": "2024-01-02T03:04:05Z"}""");
        Assert.Equal(
            """{"data":{"echo":"{\"input\":{\"text\":\"hi\",\"times\":1},\"number\":3,\"numbers\":[7],\"text\":\"default\",\"when\":\"2024-01-02T03:04:05+00:00\"}"}}""",
            json);
    }

    [Theory]
    [InlineData("""{"n": "3"}""", "Variable \"$n\" got invalid value \"3\"; Int cannot represent non-integer value: \"3\"")]
    [InlineData("""{"n": 3000000000}""", "Variable \"$n\" got invalid value 3000000000; Int cannot represent non 32-bit signed integer value: 3000000000")]
    [InlineData("""{"input": {"text": 1, "bogus": true}}""", "Variable \"$input\" got invalid value 1 at \"input.text\"; String cannot represent a non string value: 1")]
    [InlineData("""{"input": {"times": 2}}""", "Variable \"$input\" got invalid value { times: 2 }; Field \"text\" of required type \"String!\" was not provided.")]
    [InlineData("""{"list": [1, null]}""", "Variable \"$list\" got invalid value null at \"list[1]\"; Expected non-nullable type \"Int!\" not to be null.")]
    [InlineData("""{"e": "JEDII"}""", "Variable \"$e\" got invalid value \"JEDII\"; Value \"JEDII\" does not exist in \"Episode\" enum. Did you mean the enum value \"JEDI\"?")]
    [InlineData("""{"id": null}""", "Variable \"$id\" of non-null type \"ID!\" must not be null.")]
    [InlineData("{}", "Variable \"$id\" of required type \"ID!\" was not provided.")]
    public async Task Given_invalid_variables_When_executed_Then_request_error_without_data(string variables, string message)
    {
        var result = await Run.Execute(
            "query Q($n: Int, $input: EchoInput, $list: [Int!], $e: Episode, $id: ID! = 1) { echo(number: $n, input: $input, numbers: $list) hero(episode: $e) { name } human(id: $id) { name } }"
                .Replace("$id: ID! = 1", variables == "{}" || variables.Contains("\"id\"", StringComparison.Ordinal) ? "$id: ID!" : "$id: ID! = 1", StringComparison.Ordinal),
            variables);
        Assert.False(result.HasData);
        Assert.Contains(result.Errors!, e => e.Message == message && e.Code == ErrorCodes.BadUserInput && e.Locations is { Count: 1 });
    }

    [Fact]
    public async Task Given_one_of_variable_with_two_keys_When_executed_Then_rejected()
    {
        var result = await Run.Execute("query Q($i: OneOfInput!) { oneOf(input: $i) }", """{"i": {"a": "x", "b": 1}}""");
        Assert.Equal("Variable \"$i\" got invalid value { a: \"x\", b: 1 }; Exactly one key must be specified for OneOf type \"OneOfInput\".", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public async Task Given_clr_variables_When_executed_Then_they_are_accepted_like_json()
    {
        var result = await Run.Execute(
            "query Q($input: EchoInput) { echo(input: $input) }",
            new Dictionary<string, object?> { ["input"] = new Dictionary<string, object?> { ["text"] = "clr", ["times"] = 2L } });
        Assert.Null(result.Errors);
        var echo = Assert.IsType<string>(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(result.Data)["echo"]);
        Assert.Equal("{\"input\":{\"text\":\"clr\",\"times\":2},\"text\":\"default\"}", echo);
    }
}
