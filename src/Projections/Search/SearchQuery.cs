using System.Globalization;

namespace TaskForge.Projections.Search;

/// <summary>
/// A search as typed (ADR 0133). A plain query (words only: no quotes, no <c>-</c>, no <c>or</c>) whose last word is not yet
/// followed by a space is being typed: that word matches as a prefix ("laun" finds "launch"), the words before it as
/// whole (stemmed) words. Any other query is PostgreSQL's web-search syntax as it stands.
/// </summary>
public sealed record SearchQuery(string Words, string? Prefix)
{
    /// <summary>The shortest last word taken as a prefix; a single letter would match most of the index.</summary>
    public const int MinPrefixLength = 2;

    public static SearchQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || char.IsWhiteSpace(text[^1]) || !text.All(c => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c)))
            return new SearchQuery(text, null);

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => string.Equals(w, "or", StringComparison.OrdinalIgnoreCase)) || words[^1].Length < MinPrefixLength)
            return new SearchQuery(text, null);

        return new SearchQuery(string.Join(' ', words[..^1]), words[^1].ToLower(CultureInfo.InvariantCulture));
    }
}
