using System.Globalization;
using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>Ready-made custom scalars: bind them with <see cref="SchemaBuilder.BindScalar(string, IScalarCoercion)"/>.</summary>
public static class StandardScalars
{
    /// <summary>RFC 3339 date-time strings, parsed to <see cref="DateTimeOffset"/>.</summary>
    public static readonly IScalarCoercion DateTime = new DateTimeCoercion();

    /// <summary>Any JSON value, passed through as JSON-like CLR values.</summary>
    public static readonly IScalarCoercion Json = new JsonCoercion();

    /// <summary>The default for custom scalars nobody bound: values pass through unchanged.</summary>
    public static readonly IScalarCoercion PassThrough = new JsonCoercion();

    /// <summary>Turns a literal into a JSON-like CLR value, substituting variables.</summary>
    public static object? ValueFromLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => literal switch
    {
        NullValueNode => null,
        IntValueNode i => long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? (object)l : double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode list => list.Values.Select(v => ValueFromLiteral(v, variables)).ToList(),
        ObjectValueNode obj => ObjectFromLiteral(obj, variables),
        VariableNode variable => variables is not null && variables.TryGetValue(variable.Name.Value, out var value) ? value : null,
        _ => null,
    };

    private static Dictionary<string, object?> ObjectFromLiteral(ObjectValueNode obj, IReadOnlyDictionary<string, object?>? variables)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in obj.Fields)
        {
            map[field.Name.Value] = ValueFromLiteral(field.Value, variables);
        }

        return map;
    }

    private sealed class DateTimeCoercion : IScalarCoercion
    {
        public object? Serialize(object? value) => value switch
        {
            DateTimeOffset moment => moment.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
            System.DateTime moment => new DateTimeOffset(moment.Kind == DateTimeKind.Unspecified
                ? System.DateTime.SpecifyKind(moment, DateTimeKind.Utc) : moment).ToUniversalTime()
                .ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            string text when TryParse(text, out _) => text,
            _ => throw new ScalarCoercionException($"DateTime cannot represent value: {Inspect.Value(value)}"),
        };

        public object? ParseValue(object? value) =>
            value is string text && TryParse(text, out var moment)
                ? moment
                : throw new ScalarCoercionException($"DateTime cannot represent an invalid date-time string: {Inspect.Value(value)}.");

        public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) =>
            literal is StringValueNode s && TryParse(s.Value, out var moment)
                ? moment
                : throw new ScalarCoercionException($"DateTime cannot represent an invalid date-time string: {AstPrinter.Print(literal)}.");

        private static bool TryParse(string text, out DateTimeOffset moment)
        {
            moment = default;
            return text.Length >= 20 && text[10] is 'T' or 't'
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out moment);
        }
    }

    private sealed class JsonCoercion : IScalarCoercion
    {
        public object? Serialize(object? value) => value;

        public object? ParseValue(object? value) => value;

        public object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables) => ValueFromLiteral(literal, variables);
    }
}
