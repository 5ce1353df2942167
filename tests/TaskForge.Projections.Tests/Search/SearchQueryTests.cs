using TaskForge.Projections.Search;

namespace TaskForge.Projections.Tests.Search;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("laun", "", "laun")]
    [InlineData("deploy  Serv", "deploy", "serv")]
    [InlineData("write the ANNOUNCEM", "write the", "announcem")]
    public void Given_a_plain_query_still_being_typed_When_parsed_Then_its_last_word_is_a_prefix(string text, string words, string prefix) =>
        Assert.Equal(new SearchQuery(words, prefix), SearchQuery.Parse(text));

    [Theory]
    [InlineData("launch ")]
    [InlineData("\"launch pad\"")]
    [InlineData("launch -pad")]
    [InlineData("launch or pad")]
    [InlineData("launch a")]
    [InlineData("")]
    public void Given_a_finished_or_web_search_query_When_parsed_Then_it_stays_as_it_is(string text) =>
        Assert.Equal(new SearchQuery(text, null), SearchQuery.Parse(text));
}
