using System.Globalization;
using TaskForge.GraphQL.Language;
using TaskForge.GraphQL.Types;

namespace TaskForge.Api.Schema;

/// <summary>
/// Event ids travel as strings of digits: they are 64-bit, beyond what JSON numbers hold exactly in JavaScript. Input
/// accepts a string or an integer.
/// </summary>
public sealed class EventIdScalar : IScalarCoercion
{
    public static readonly EventIdScalar Instance = new();

    public object? Serialize(object? value) => value switch
    {
        null => null,
        long id => id.ToString(CultureInfo.InvariantCulture),
        int id => id.ToString(CultureInfo.InvariantCulture),
        _ => throw new ScalarCoercionException("EventId cannot represent a non-integer value."),
    };

    public object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Parse(text),
        int number => Check(number),
        long number => Check(number),
        double number when number == Math.Floor(number) => Check((long)number),
        _ => throw new ScalarCoercionException("An EventId is a string of digits."),
    };

    public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
        ParseValue(StandardScalars.ValueFromLiteral(literal, variables));

    private static long Parse(string text) =>
        text.Length is > 0 and <= 19 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Check(id)
            : throw new ScalarCoercionException("An EventId is a string of digits.");

    private static long Check(long id) => id >= 0 ? id : throw new ScalarCoercionException("An EventId is not negative.");
}
