using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Tests.Language;

public sealed class LexerTests
{
    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\"quote \\\" slash \\\\ \\/ \\b\\f\\n\\r\\t\"", "quote \" slash \\ / \b\f\n\r\t")]
    [InlineData("\"unicode \\u00e9 \\u{1F600}\"", "unicode é 😀")]
    [InlineData("\"surrogates \\uD83D\\uDE00\"", "surrogates 😀")]
    [InlineData("\"non-ascii 日本 😀\"", "non-ascii 日本 😀")]
    public void Given_string_literal_When_parsed_Then_escapes_are_decoded(string literal, string expected)
    {
        var value = Assert.IsType<StringValueNode>(Parser.ParseValue(literal));
        Assert.Equal(expected, value.Value);
        Assert.False(value.Block);
    }

    [Fact]
    public void Given_block_string_When_parsed_Then_common_indent_and_blank_lines_are_removed()
    {
        var value = Assert.IsType<StringValueNode>(Parser.ParseValue("\"\"\"\n\n    Hello,\n      World!\n\n    Yours,\n      \\\"\"\"GraphQL.\n  \"\"\""));
        Assert.True(value.Block);
        Assert.Equal("Hello,\n  World!\n\nYours,\n  \"\"\"GraphQL.", value.Value);
    }

    [Theory]
    [InlineData("4", typeof(IntValueNode))]
    [InlineData("-4", typeof(IntValueNode))]
    [InlineData("0", typeof(IntValueNode))]
    [InlineData("4.123", typeof(FloatValueNode))]
    [InlineData("-1.5e10", typeof(FloatValueNode))]
    [InlineData("1E-3", typeof(FloatValueNode))]
    public void Given_number_When_parsed_Then_int_or_float_literal(string literal, Type kind)
    {
        var node = Parser.ParseValue(literal);
        Assert.IsType(kind, node);
    }

    [Theory]
    [InlineData("{ a(x: 00) }", "Syntax Error: Invalid number, unexpected digit after 0: \"0\".", 1, 9)]
    [InlineData("{ a(x: 1.) }", "Syntax Error: Invalid number, expected digit but got: \")\".", 1, 10)]
    [InlineData("{ a(x: 1a) }", "Syntax Error: Invalid number, expected digit but got: \"a\".", 1, 9)]
    [InlineData("{ a(x: \"open) }", "Syntax Error: Unterminated string.", 1, 16)]
    [InlineData("{ a(x: \"bad \\x\") }", "Syntax Error: Invalid character escape sequence: \"\\x\".", 1, 13)]
    [InlineData("{ a(x: \"\\u{110000}\") }", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 9)]
    [InlineData("{ a(x: 'single') }", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 8)]
    [InlineData("{ a ? }", "Syntax Error: Unexpected character: \"?\".", 1, 5)]
    [InlineData("{ a \u0007 }", "Syntax Error: Unexpected character: U+0007.", 1, 5)]
    [InlineData("{\n  a\n  .. }", "Syntax Error: Unexpected character: \".\".", 3, 3)]
    public void Given_bad_token_When_parsed_Then_syntax_error_with_location(string document, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document));
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
    }

    [Fact]
    public void Given_lone_surrogate_When_parsed_Then_invalid_character()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a " + (char)0xD800 + " }"));
        Assert.Equal("Syntax Error: Invalid character: U+D800.", error.Message);
    }

    [Fact]
    public void Given_comments_commas_and_bom_When_parsed_Then_they_are_ignored()
    {
        var document = Parser.Parse("\uFEFF# comment\r\n{ a, b # trailing\r c }");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));
        Assert.Equal(["a", "b", "c"], operation.SelectionSet.Selections.Cast<FieldNode>().Select(f => f.Name.Value));
        Assert.Equal(new SourceLocation(3, 2), document.GetLocation(((FieldNode)operation.SelectionSet.Selections[2]).Start));
    }
}
