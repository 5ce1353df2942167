using System.Collections;
using System.Globalization;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>graphql-js's astFromValue: an internal value back to a literal (for default values in SDL and introspection).</summary>
public static class AstFromValue
{
    public static ValueNode? Convert(object? value, GraphQLType type)
    {
        if (type is NonNullType nonNull)
        {
            var inner = Convert(value, nonNull.OfType);
            return inner is NullValueNode ? null : inner;
        }

        if (value is null)
        {
            return new NullValueNode();
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable sequence and not string && value is not IReadOnlyDictionary<string, object?>)
                {
                    var items = new List<ValueNode>();
                    foreach (var item in sequence)
                    {
                        if (Convert(item, list.OfType) is { } node)
                        {
                            items.Add(node);
                        }
                    }

                    return new ListValueNode(items);
                }

                return Convert(value, list.OfType);
            case InputObjectType input:
                if (value is not IReadOnlyDictionary<string, object?> map)
                {
                    return null;
                }

                var fields = new List<ObjectFieldNode>();
                foreach (var field in input.Fields)
                {
                    if (map.TryGetValue(field.Name, out var fieldValue) && Convert(fieldValue, field.Type) is { } fieldNode)
                    {
                        fields.Add(new ObjectFieldNode(new NameNode(field.Name), fieldNode));
                    }
                }

                return new ObjectValueNode(fields);
            case EnumType enumType:
                return enumType.FindByInternalValue(value) is { } enumValue ? new EnumValueNode(enumValue.Name) : null;
            case ScalarType scalar:
                return FromSerialized(scalar.Coercion.Serialize(value), scalar);
            default:
                return null;
        }
    }

    private static ValueNode? FromSerialized(object? serialized, ScalarType scalar)
    {
        switch (serialized)
        {
            case null:
                return null;
            case bool b:
                return new BooleanValueNode(b);
            case string s:
                return ReferenceEquals(scalar, BuiltInTypes.Id) && IsIntegerString(s) ? new IntValueNode(s) : new StringValueNode(s);
        }

        if (Numbers.TryGetDouble(serialized, out var number) && double.IsFinite(number))
        {
            var text = serialized is double or float ? JsNumber.Format(number) : ((IFormattable)serialized).ToString(null, CultureInfo.InvariantCulture);
            return IsIntegerString(text) ? new IntValueNode(text) : new FloatValueNode(text);
        }

        return new StringValueNode(System.Convert.ToString(serialized, CultureInfo.InvariantCulture) ?? string.Empty);
    }

    private static bool IsIntegerString(string text)
    {
        var start = text.StartsWith('-') ? 1 : 0;
        if (text.Length == start || (text[start] == '0' && text.Length > start + 1))
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Formats doubles like JavaScript's <c>String(number)</c>.</summary>
internal static class JsNumber
{
    public static string Format(double number)
    {
        if (number == 0)
        {
            return "0";
        }

        var text = number.ToString("E16", CultureInfo.InvariantCulture);
        var shortest = number.ToString("R", CultureInfo.InvariantCulture);
        var exponentIndex = shortest.IndexOf('E', StringComparison.Ordinal);
        var exponent = int.Parse(text[(text.IndexOf('E', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture);
        var mantissa = exponentIndex >= 0 ? shortest[..exponentIndex] : shortest;
        var negative = mantissa.StartsWith('-');
        var digits = mantissa.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return "0";
        }

        var sign = negative ? "-" : string.Empty;
        if (exponent is >= 21 or <= -7)
        {
            var body = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            return sign + body + "e" + (exponent > 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        }

        if (exponent < 0)
        {
            return sign + "0." + new string('0', -exponent - 1) + digits;
        }

        return digits.Length <= exponent + 1
            ? sign + digits + new string('0', exponent + 1 - digits.Length)
            : sign + digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }
}
