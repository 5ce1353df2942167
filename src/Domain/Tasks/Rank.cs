namespace TaskForge.Domain.Tasks;

/// <summary>
/// Fractional ranks (ADR 0042): strings over 0-9a-z that sort by ordinal comparison, so one task
/// moves with one event on its own stream. A rank is a head character, an integer part whose
/// length the head gives ('i' one digit, 'j' two, ... 'z' eighteen; 'h' down to '0' likewise for
/// ranks below "i0"), then an optional fraction that never ends in '0'. Appending increments the
/// integer, so a column of n appended tasks needs ranks of about log36(n) characters; inserting
/// between two neighbours bisects the fraction.
/// </summary>
public static partial class Rank
{
    public const int MaxLength = 255;
    public const string Initial = "i0";

    public static bool IsValid(string? rank)
    {
        if (rank is null || rank.Length < 2 || rank.Length > MaxLength || !rank.All(IsDigit))
            return false;
        var integerLength = IntegerLength(rank[0]);
        if (rank.Length < 1 + integerLength)
            return false;
        var hasFraction = rank.Length > 1 + integerLength;
        return hasFraction ? rank[^1] != '0' : rank != SmallestInteger;
    }

    public static int Compare(string left, string right) => string.CompareOrdinal(left, right);

    public static string After(string? rank) => Between(rank, null);

    public static string Before(string? rank) => Between(null, rank);

    /// <summary>A rank strictly between the two; either may be null for "no bound".</summary>
    public static string Between(string? before, string? after)
    {
        if (before is not null && !IsValid(before))
            throw new ArgumentException($"'{before}' is not a valid rank.", nameof(before));
        if (after is not null && !IsValid(after))
            throw new ArgumentException($"'{after}' is not a valid rank.", nameof(after));
        if (before is not null && after is not null && Compare(before, after) >= 0)
            throw new ArgumentException($"'{before}' must sort before '{after}'.", nameof(before));

        if (before is null && after is null)
            return Initial;
        if (before is null)
        {
            var (integer, fraction) = Split(after!);
            if (integer == SmallestInteger)
                return integer + Midpoint(string.Empty, fraction);
            return fraction.Length > 0 ? integer : Decrement(integer)!;
        }

        var (low, lowFraction) = Split(before);
        if (after is null)
            return Increment(low) ?? low + Midpoint(lowFraction, null);
        var (high, highFraction) = Split(after);
        if (low == high)
            return low + Midpoint(lowFraction, highFraction);
        var next = Increment(low);
        return next is not null && Compare(next, after) < 0 ? next : low + Midpoint(lowFraction, null);
    }

    private static (string Integer, string Fraction) Split(string rank)
    {
        var length = 1 + IntegerLength(rank[0]);
        return (rank[..length], rank[length..]);
    }
}
