using TaskForge.Domain.Comments;

namespace TaskForge.Domain.Tests.Comments;

public sealed class MentionsTests
{
    [Theory]
    [InlineData("hi @ana@example.com", new[] { "ana@example.com" })]
    [InlineData("(@ana@example.com), @bob@example.org.", new[] { "ana@example.com", "bob@example.org" })]
    [InlineData("@ANA@Example.com and @ana@example.com", new[] { "ana@example.com" })]
    [InlineData("@first.last+tag@sub.example.co.uk!", new[] { "first.last+tag@sub.example.co.uk" })]
    [InlineData("mail ana@example.com without at-sign prefix", new string[0])]
    [InlineData("x@ana@example.com is glued to a word", new string[0])]
    [InlineData("@ana alone, @ana@localhost, @@ana@example.com, @", new string[0])]
    public void Given_a_body_When_mentions_are_scanned_Then_only_at_email_tokens_count(string body, string[] expected) =>
        Assert.Equal(expected, Mentions.Emails(body));

    [Fact]
    public void Given_a_long_body_of_at_signs_When_scanned_Then_it_finishes_and_finds_nothing() =>
        Assert.Empty(Mentions.Emails(new string('@', 10_000)));
}
