using System.Globalization;
using System.Text;

namespace TaskForge.Api.Schema;

/// <summary>
/// A mutation's input as one canonical string (keys sorted, values typed), whatever order the client wrote it in: the
/// request's intent for idempotency (<see cref="Commands.CommandOptions.Intent"/>).
/// </summary>
public static class CanonicalInput
{
    public static string Of(string mutation, IReadOnlyDictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = new StringBuilder(mutation).Append(':');
        Write(text, input);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case IReadOnlyDictionary<string, object?> map:
                text.Append('{');
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    text.Append(key).Append('=');
                    Write(text, item);
                    text.Append(';');
                }

                text.Append('}');
                break;
            case System.Collections.IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(value);
                break;
        }
    }
}
