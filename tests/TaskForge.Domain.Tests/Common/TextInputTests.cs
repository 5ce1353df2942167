namespace TaskForge.Domain.Tests.Common;

public sealed class TextInputTests
{
    // Built in code: xUnit's theory data would turn a lone surrogate into U+FFFD before the test sees it.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Given_text_with_a_lone_surrogate_When_validated_Then_VALIDATION_naming_the_field(int sample)
    {
        var raw = new[] { "a" + (char)0xD800 + "b", ((char)0xDC00).ToString(), "end" + (char)0xD83D }[sample];
        var single = TextInput.SingleLine("title", raw, 200, out _);
        var multi = TextInput.MultiLine("body", raw, 200, allowEmpty: false, out _);
        Assert.Equal((ErrorCodes.Validation, ErrorCodes.Validation), (single?.Code, multi?.Code));
        Assert.StartsWith("title", single!.Message, StringComparison.Ordinal);
        Assert.StartsWith("body", multi!.Message, StringComparison.Ordinal);
        Assert.Equal(("title", "body"), (single.Field, multi.Field));
    }

    [Fact]
    public void Given_text_with_emoji_and_accents_When_validated_Then_it_is_kept_as_written()
    {
        Assert.Null(TextInput.SingleLine("title", " Café 🚀 ", 200, out var title));
        Assert.Equal("Café 🚀", title);
    }

    [Fact]
    public void Given_a_null_value_When_validated_Then_VALIDATION_not_a_crash()
    {
        Assert.Equal(ErrorCodes.Validation, TextInput.SingleLine("name", null, 200, out _)?.Code);
        Assert.Null(TextInput.MultiLine("description", null, 200, allowEmpty: true, out var description));
        Assert.Equal(string.Empty, description);
    }

    [Theory]
    [InlineData(" Ana@Example.COM ", "ana@example.com")]
    [InlineData("first.last+tag@sub.example.org", "first.last+tag@sub.example.org")]
    public void Given_an_email_When_validated_Then_it_is_trimmed_and_lower_cased(string raw, string expected)
    {
        Assert.Null(TextInput.Email("email", raw, out var email));
        Assert.Equal(expected, email);
    }
}
