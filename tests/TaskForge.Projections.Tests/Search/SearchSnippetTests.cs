using TaskForge.Projections.Search;

namespace TaskForge.Projections.Tests.Search;

public sealed class SearchSnippetTests
{
    [Theory]
    [InlineData("\uE000deploy\uE001 the <script>alert(1)</script>", "<b>deploy</b> the &lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("Tom & Jerry's \"\uE000plan\uE001\"", "Tom &amp; Jerry&#39;s &quot;<b>plan</b>&quot;")]
    [InlineData("plain words", "plain words")]
    public void Given_a_marked_headline_When_made_html_Then_the_text_is_encoded_and_the_marks_are_bold(string marked, string html)
        => Assert.Equal(html, SearchSnippet.ToHtml(marked));

    [Theory]
    [InlineData("\uE001stray close \uE000open at the end", "stray close <b>open at the end</b>")]
    [InlineData("\uE000a\uE000b\uE001\uE001", "<b>ab</b>")]
    public void Given_unbalanced_marks_When_made_html_Then_every_b_is_closed(string marked, string html)
        => Assert.Equal(html, SearchSnippet.ToHtml(marked));
}
