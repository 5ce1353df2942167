using System.Text;

namespace TaskForge.Domain.Tasks;

/// <summary>
/// Fractional ranks: strings over 0-9a-z that sort by ordinal comparison, never end in '0', so a
/// new rank fits between any two (ADR 0042). Moving a task writes one event on its own stream.
/// </summary>
public static class Rank
{
    public const int MaxLength = 255;
    public const string Initial = "i";
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static bool IsValid(string? rank) =>
        rank is { Length: > 0 and <= MaxLength }
        && rank[^1] != '0'
        && rank.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'z'));

    public static int Compare(string left, string right) => string.CompareOrdinal(left, right);

    public static string After(string? rank) => Between(rank, null);

    public static string Before(string? rank) => Between(null, rank);

    /// <summary>A rank strictly between the two (either may be null for "no bound").</summary>
    public static string Between(string? before, string? after)
    {
        if (before is not null && !IsValid(before))
            throw new ArgumentException($"'{before}' is not a valid rank.", nameof(before));
        if (after is not null && !IsValid(after))
            throw new ArgumentException($"'{after}' is not a valid rank.", nameof(after));
        if (before is not null && after is not null && Compare(before, after) >= 0)
            throw new ArgumentException($"'{before}' must sort before '{after}'.", nameof(before));

        var low = before ?? string.Empty;
        var result = new StringBuilder();
        var bounded = after is not null;
        for (var i = 0; ; i++)
        {
            var l = i < low.Length ? Digits.IndexOf(low[i], StringComparison.Ordinal) : 0;
            var h = bounded ? Digits.IndexOf(after![i], StringComparison.Ordinal) : Digits.Length;
            if (h - l >= 2)
                return result.Append(Digits[(l + h) / 2]).ToString();
            result.Append(Digits[l]);
            if (h - l == 1)
                bounded = false;
        }
    }
}
