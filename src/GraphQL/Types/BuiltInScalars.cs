using System.Globalization;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>The five specified scalars with graphql-js's coercion rules and messages.</summary>
public static class BuiltInScalars
{
    internal interface ISpecifiedCoercion : IScalarCoercion;

    public static readonly IScalarCoercion Int = new IntCoercion();
    public static readonly IScalarCoercion Float = new FloatCoercion();
    public static readonly IScalarCoercion String = new StringCoercion();
    public static readonly IScalarCoercion Boolean = new BooleanCoercion();
    public static readonly IScalarCoercion Id = new IdCoercion();

    public static bool IsSpecified(string name) => name is "Int" or "Float" or "String" or "Boolean" or "ID";

    internal static IScalarCoercion? ForName(string name) => name switch
    {
        "Int" => Int,
        "Float" => Float,
        "String" => String,
        "Boolean" => Boolean,
        "ID" => Id,
        _ => null,
    };

    internal static string? Description(string name) => name switch
    {
        "Int" => "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
        "Float" => "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
        "String" => "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
        "Boolean" => "The `Boolean` scalar type represents `true` or `false`.",
        "ID" => "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
        _ => null,
    };

    private static ScalarCoercionException Fail(string message) => new(message);

    private sealed class IntCoercion : ISpecifiedCoercion
    {
        public object? Serialize(object? value)
        {
            if (value is int)
            {
                return value;
            }

            var number = value switch
            {
                bool b => b ? 1 : 0,
                string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => Numbers.TryGetDouble(value, out var n) ? n : double.NaN,
            };
            if (!Numbers.IsInteger(number))
            {
                throw Fail($"Int cannot represent non-integer value: {Inspect.Value(value)}");
            }

            return number is > int.MaxValue or < int.MinValue
                ? throw Fail($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(value)}")
                : Boxes.Int((int)number);
        }

        public object? ParseValue(object? value)
        {
            if (value is bool || !Numbers.TryGetDouble(value, out var number) || !Numbers.IsInteger(number))
            {
                throw Fail($"Int cannot represent non-integer value: {Inspect.Value(value)}");
            }

            return number is > int.MaxValue or < int.MinValue
                ? throw Fail($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(value)}")
                : (int)number;
        }

        public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables)
        {
            if (literal is not IntValueNode intValue)
            {
                throw Fail($"Int cannot represent non-integer value: {AstPrinter.Print(literal)}");
            }

            return int.TryParse(intValue.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
                ? result
                : throw Fail($"Int cannot represent non 32-bit signed integer value: {intValue.Value}");
        }
    }

    private sealed class FloatCoercion : ISpecifiedCoercion
    {
        public object? Serialize(object? value)
        {
            if (value is double d && double.IsFinite(d))
            {
                return value;
            }

            var number = value switch
            {
                bool b => b ? 1 : 0,
                string s when s.Length > 0 && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => Numbers.TryGetDouble(value, out var n) ? n : double.NaN,
            };
            return double.IsFinite(number) ? number : throw Fail($"Float cannot represent non numeric value: {Inspect.Value(value)}");
        }

        public object? ParseValue(object? value) =>
            value is not bool && Numbers.TryGetDouble(value, out var number) && double.IsFinite(number)
                ? number
                : throw Fail($"Float cannot represent non numeric value: {Inspect.Value(value)}");

        public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
        {
            IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
            FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
            _ => throw Fail($"Float cannot represent non numeric value: {AstPrinter.Print(literal)}"),
        };
    }

    private sealed class StringCoercion : ISpecifiedCoercion
    {
        public object? Serialize(object? value) => value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
            float f when float.IsFinite(f) => ((double)f).ToString("R", CultureInfo.InvariantCulture),
            IFormattable n when Numbers.IsNumber(value) => n.ToString(null, CultureInfo.InvariantCulture),
            Guid g => g.ToString(),
            Enum e => e.ToString(),
            _ => throw Fail($"String cannot represent value: {Inspect.Value(value)}"),
        };

        public object? ParseValue(object? value) =>
            value as string ?? throw Fail($"String cannot represent a non string value: {Inspect.Value(value)}");

        public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
            literal is StringValueNode s ? s.Value : throw Fail($"String cannot represent a non string value: {AstPrinter.Print(literal)}");
    }

    private sealed class BooleanCoercion : ISpecifiedCoercion
    {
        public object? Serialize(object? value) => value switch
        {
            bool => value,
            _ when Numbers.TryGetDouble(value, out var n) && double.IsFinite(n) => Boxes.Bool(n != 0),
            _ => throw Fail($"Boolean cannot represent a non boolean value: {Inspect.Value(value)}"),
        };

        public object? ParseValue(object? value) =>
            value is bool b ? b : throw Fail($"Boolean cannot represent a non boolean value: {Inspect.Value(value)}");

        public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
            literal is BooleanValueNode b ? b.Value : throw Fail($"Boolean cannot represent a non boolean value: {AstPrinter.Print(literal)}");
    }

    private sealed class IdCoercion : ISpecifiedCoercion
    {
        public object? Serialize(object? value) => value switch
        {
            string s => s,
            Guid g => g.ToString(),
            double or float when Numbers.TryGetDouble(value, out var d) && Numbers.IsInteger(d) => ((long)d).ToString(CultureInfo.InvariantCulture),
            IFormattable number when Numbers.IsNumber(value) && value is not double and not float => number.ToString(null, CultureInfo.InvariantCulture),
            _ => throw Fail($"ID cannot represent value: {Inspect.Value(value)}"),
        };

        public object? ParseValue(object? value) => value switch
        {
            string s => s,
            _ when value is not bool && Numbers.TryGetDouble(value, out var n) && Numbers.IsInteger(n) =>
                ((long)n).ToString(CultureInfo.InvariantCulture),
            _ => throw Fail($"ID cannot represent value: {Inspect.Value(value)}"),
        };

        public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw Fail($"ID cannot represent a non-string and non-integer value: {AstPrinter.Print(literal)}"),
        };
    }
}
