using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Tests.Language;

public sealed class AstPrinterTests
{
    [Fact]
    public void Given_query_When_printed_Then_graphql_js_layout()
    {
        var printed = AstPrinter.Print(Parser.Parse("query Q($a:Int=1,$b:[String!]!){alias:f(x:$a,y:{k:[1,2]},z:\"s\")@skip(if:false){...F ...on T{g}}} fragment F on T{h}"));
        Assert.Equal(
            """
            query Q($a: Int = 1, $b: [String!]!) {
              alias: f(x: $a, y: {k: [1, 2]}, z: "s") @skip(if: false) {
                ...F
                ... on T {
                  g
                }
              }
            }

            fragment F on T {
              h
            }
            """,
            printed);
    }

    [Fact]
    public void Given_anonymous_query_When_printed_Then_shorthand_form()
    {
        Assert.Equal("{\n  a\n}", AstPrinter.Print(Parser.Parse("query { a }")));
    }

    [Fact]
    public void Given_long_arguments_When_printed_Then_they_wrap_one_per_line()
    {
        var printed = AstPrinter.Print(Parser.Parse("{ field(argumentNumberOne: \"aaaaaaaaaaaaaaaa\", argumentNumberTwo: \"bbbbbbbbbbbbbbbbbbbb\") }"));
        Assert.Equal("{\n  field(\n    argumentNumberOne: \"aaaaaaaaaaaaaaaa\"\n    argumentNumberTwo: \"bbbbbbbbbbbbbbbbbbbb\"\n  )\n}", printed);
    }

    [Theory]
    [InlineData("\"a\\nb\\u0001\\\"\"", "\"a\\nb\\u0001\\\"\"")]
    [InlineData("\"\"\"block\"\"\"", "\"\"\"block\"\"\"")]
    [InlineData("{a: [1.5, ENUM, null]}", "{a: [1.5, ENUM, null]}")]
    public void Given_value_When_printed_Then_it_reads_back_the_same(string literal, string expected)
    {
        var printed = AstPrinter.Print(Parser.ParseValue(literal));
        Assert.Equal(expected, printed);
        Assert.Equal(printed, AstPrinter.Print(Parser.ParseValue(printed)));
    }

    [Fact]
    public void Given_sdl_When_printed_and_reparsed_Then_print_is_stable()
    {
        const string Sdl = "\"desc\"\ntype Q implements A & B @x {\n  f(a: Int = 1): [String!]! @deprecated\n}\n\nunion U = X | Y\n\nenum E {\n  ONE\n  TWO\n}\n\ninput I {\n  a: Int\n}\n\ndirective @d(x: Int) repeatable on FIELD | QUERY\n\nextend type Q {\n  g: Int\n}";
        var printed = AstPrinter.Print(Parser.Parse(Sdl));
        Assert.Equal(Sdl.Replace("\"desc\"", "\"desc\"", StringComparison.Ordinal), printed);
        Assert.Equal(printed, AstPrinter.Print(Parser.Parse(printed)));
    }
}
