using System.Collections;
using System.Globalization;
using System.Text.Json;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>Renders CLR values the way graphql-js's <c>inspect</c> renders JS values, for error messages.</summary>
internal static class Inspect
{
    public static string Value(object? value, int depth = 0) => value switch
    {
        null => "null",
        string text => AstPrinter.PrintString(text),
        bool boolean => boolean ? "true" : "false",
        double number => Number(number),
        float number => Number(number),
        IFormattable number when Numbers.IsNumber(value) => number.ToString(null, CultureInfo.InvariantCulture),
        JsonElement element => Value(JsonValues.ToClr(element), depth),
        IReadOnlyDictionary<string, object?> map => map.Count == 0 ? "{}"
            : depth > 2 ? "[Object]"
            : "{ " + string.Join(", ", map.Select(pair => pair.Key + ": " + Value(pair.Value, depth + 1))) + " }",
        IEnumerable sequence => depth > 2 ? "[Array]" : "[" + string.Join(", ", sequence.Cast<object?>().Select(item => Value(item, depth + 1))) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Number(double number) =>
        double.IsNaN(number) ? "NaN"
        : double.IsPositiveInfinity(number) ? "Infinity"
        : double.IsNegativeInfinity(number) ? "-Infinity"
        : number.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Numeric helpers over the CLR number types variables and resolvers use.</summary>
internal static class Numbers
{
    public static bool IsNumber(object? value) =>
        value is int or long or double or float or decimal or short or byte or sbyte or ushort or uint or ulong;

    public static bool TryGetDouble(object? value, out double number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double d: number = d; return true;
            case float f: number = f; return true;
            case decimal m: number = (double)m; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case sbyte sb: number = sb; return true;
            case ushort us: number = us; return true;
            case uint ui: number = ui; return true;
            case ulong ul: number = ul; return true;
            default: number = 0; return false;
        }
    }

    public static bool IsInteger(double number) => double.IsFinite(number) && Math.Floor(number) == number;
}
