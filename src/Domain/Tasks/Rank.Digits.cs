using System.Text;

namespace TaskForge.Domain.Tasks;

public static partial class Rank
{
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const char ZeroHead = 'i';
    private const int MaxIntegerDigits = 18;
    private static readonly string SmallestInteger = new('0', MaxIntegerDigits + 1);

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'z');

    private static int Index(char digit) => Digits.IndexOf(digit, StringComparison.Ordinal);

    private static int IntegerLength(char head) =>
        head >= ZeroHead ? Index(head) - Index(ZeroHead) + 1 : Index(ZeroHead) - Index(head);

    private static string? Increment(string integer)
    {
        var head = integer[0];
        var digits = integer[1..].ToCharArray();
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = Index(digits[i]);
            if (digit < Digits.Length - 1)
            {
                digits[i] = Digits[digit + 1];
                return head + new string(digits);
            }

            digits[i] = '0';
        }

        if (head == 'z')
            return null;
        var nextHead = Digits[Index(head) + 1];
        if (nextHead == ZeroHead)
            return Initial;
        return nextHead > ZeroHead ? nextHead + new string(digits) + "0" : nextHead + new string(digits, 1, digits.Length - 1);
    }

    private static string? Decrement(string integer)
    {
        var head = integer[0];
        var digits = integer[1..].ToCharArray();
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = Index(digits[i]);
            if (digit > 0)
            {
                digits[i] = Digits[digit - 1];
                return head + new string(digits);
            }

            digits[i] = 'z';
        }

        if (head == '0')
            return null;
        var previousHead = Digits[Index(head) - 1];
        if (head == ZeroHead)
            return previousHead + "z";
        return previousHead < ZeroHead ? previousHead + new string(digits) + "z" : previousHead + new string(digits, 1, digits.Length - 1);
    }

    /// <summary>Digits strictly between two fractions ("" is the lowest; null means no upper bound).</summary>
    private static string Midpoint(string low, string? high)
    {
        var result = new StringBuilder();
        var bounded = high is not null;
        for (var i = 0; ; i++)
        {
            var l = i < low.Length ? Index(low[i]) : 0;
            var h = bounded ? Index(high![i]) : Digits.Length;
            if (h - l >= 2)
                return result.Append(Digits[(l + h) / 2]).ToString();
            result.Append(Digits[l]);
            if (h - l == 1)
                bounded = false;
        }
    }
}
