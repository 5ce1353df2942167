using System.Text;

namespace TaskForge.Projections.Search;

/// <summary>
/// A search snippet as safe HTML: PostgreSQL's <c>ts_headline</c> marks the matched words with two private-use characters that the
/// indexed text never holds (they are removed from it first); the text between them is HTML-encoded, and the marks become
/// <c>&lt;b&gt;</c> and <c>&lt;/b&gt;</c>. So a title such as <c>&lt;img onerror=…&gt;</c> reaches a client that renders the
/// snippet as HTML as text, never as markup.
/// </summary>
public static class SearchSnippet
{
    /// <summary>Opens a matched word in <c>ts_headline</c>'s output.</summary>
    public const string Open = "\uE000";

    /// <summary>Closes a matched word in <c>ts_headline</c>'s output.</summary>
    public const string Close = "\uE001";

    /// <summary>The characters removed from the text before <c>ts_headline</c> marks it, for SQL's <c>translate</c>.</summary>
    public const string Marks = Open + Close;

    /// <summary><c>ts_headline</c>'s options for a long text: one fragment of 5 to 20 words around the matches, marked between <see cref="Open"/> and <see cref="Close"/>.</summary>
    public const string HeadlineOptions = "MaxFragments=1, MaxWords=20, MinWords=5, StartSel=" + Open + ", StopSel=" + Close;

    /// <summary>A text up to this many characters (a title, a short comment) is shown whole: a fragment would cut its last words.</summary>
    public const int WholeTextLength = 200;

    /// <summary><c>ts_headline</c>'s options for a text shown whole.</summary>
    public const string WholeTextOptions = "HighlightAll=true, StartSel=" + Open + ", StopSel=" + Close;

    /// <summary>The marked headline as HTML with the matches in <c>&lt;b&gt;</c>; every other character as text.</summary>
    public static string ToHtml(string marked)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var html = new StringBuilder(marked.Length + 16);
        var inMatch = false;
        foreach (var c in marked)
        {
            switch (c)
            {
                case '\uE000' when !inMatch:
                    html.Append("<b>");
                    inMatch = true;
                    break;
                case '\uE001' when inMatch:
                    html.Append("</b>");
                    inMatch = false;
                    break;
                case '\uE000' or '\uE001':
                    break;
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default: html.Append(c); break;
            }
        }

        return inMatch ? html.Append("</b>").ToString() : html.ToString();
    }
}
