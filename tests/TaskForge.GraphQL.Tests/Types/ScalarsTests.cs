using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Types;

public sealed class ScalarsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2L, 2)]
    [InlineData(3.0, 3)]
    [InlineData(true, 1)]
    [InlineData("4", 4)]
    public void Given_int_like_value_When_serialized_as_Int_Then_int(object value, int expected) =>
        Assert.Equal(expected, BuiltInScalars.Int.Serialize(value));

    [Theory]
    [InlineData(1.5, "Int cannot represent non-integer value: 1.5")]
    [InlineData(3_000_000_000L, "Int cannot represent non 32-bit signed integer value: 3000000000")]
    [InlineData("abc", "Int cannot represent non-integer value: \"abc\"")]
    public void Given_bad_value_When_serialized_as_Int_Then_graphql_js_message(object value, string message) =>
        Assert.Equal(message, Assert.Throws<ScalarCoercionException>(() => BuiltInScalars.Int.Serialize(value)).Message);

    [Fact]
    public void Given_inputs_When_parsed_Then_built_in_rules_apply()
    {
        Assert.Equal(2.5, BuiltInScalars.Float.ParseValue(2.5));
        Assert.Equal(4.0, BuiltInScalars.Float.ParseLiteral(new IntValueNode("4"), null));
        Assert.Equal("7", BuiltInScalars.Id.ParseValue(7L));
        Assert.Equal("x", BuiltInScalars.Id.ParseLiteral(new StringValueNode("x"), null));
        Assert.Equal("true", BuiltInScalars.String.Serialize(true));
        Assert.Equal(false, BuiltInScalars.Boolean.Serialize(0));
        Assert.Throws<ScalarCoercionException>(() => BuiltInScalars.Boolean.ParseValue("true"));
        Assert.Throws<ScalarCoercionException>(() => BuiltInScalars.String.ParseValue(1L));
        Assert.Equal("ID cannot represent a non-string and non-integer value: 1.5",
            Assert.Throws<ScalarCoercionException>(() => BuiltInScalars.Id.ParseLiteral(new FloatValueNode("1.5"), null)).Message);
    }

    [Fact]
    public void Given_date_time_When_coerced_Then_rfc3339_round_trips()
    {
        var parsed = Assert.IsType<DateTimeOffset>(StandardScalars.DateTime.ParseValue("2024-01-02T03:04:05.5+02:00"));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 500, TimeSpan.FromHours(2)), parsed);
        Assert.Equal("2024-01-02T03:04:05.5+02:00", StandardScalars.DateTime.Serialize(parsed));
        Assert.Equal("2024-01-02T01:04:05Z", StandardScalars.DateTime.Serialize(new DateTime(2024, 1, 2, 1, 4, 5, DateTimeKind.Utc)));
        Assert.Throws<ScalarCoercionException>(() => StandardScalars.DateTime.ParseValue("yesterday"));
        Assert.Throws<ScalarCoercionException>(() => StandardScalars.DateTime.ParseLiteral(new IntValueNode("1"), null));
    }

    [Fact]
    public void Given_json_literal_with_variables_When_parsed_Then_clr_structure()
    {
        var literal = Parser.ParseValue("{a: [1, 2.5, \"s\", true, null, $v], b: {c: ENUM}}");
        var value = Assert.IsType<Dictionary<string, object?>>(StandardScalars.Json.ParseLiteral(literal, new Dictionary<string, object?> { ["v"] = "var" }));
        Assert.Equal(new object?[] { 1L, 2.5, "s", true, null, "var" }, Assert.IsType<List<object?>>(value["a"]).ToArray());
        Assert.Equal("ENUM", Assert.IsType<Dictionary<string, object?>>(value["b"])["c"]);
    }

    [Fact]
    public async Task Given_json_scalar_field_When_executed_Then_value_is_written_as_json()
    {
        var json = await Support.Run.Json("{ json(value: {list: [1, {x: \"y\"}], flag: false}) }");
        Assert.Equal("""{"data":{"json":{"list":[1,{"x":"y"}],"flag":false}}}""", json);
    }
}
