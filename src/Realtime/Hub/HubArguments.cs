using System.Globalization;
using System.Text.Json;

namespace TaskForge.Realtime.Hub;

/// <summary>
/// Reads the hub methods' arguments without ever failing to bind. SignalR answers a binding failure with "Failed to invoke
/// ... due to an error on the server", which tells a client nothing; here a wrong shape or value becomes the argument's
/// <c>Error</c>, and the method answers it as a <c>VALIDATION</c> hub error that names the member (guarantee 7).
/// </summary>
internal static class HubArguments
{
    private const int ShownLength = 40;

    /// <summary>The value of the member named <paramref name="name"/> in any case, or an undefined element.</summary>
    public static JsonElement Member(JsonElement obj, string name)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                return property.Value;
        }

        return default;
    }

    public static bool IsAbsent(JsonElement value) => value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    /// <summary>A string member; otherwise an error naming <paramref name="name"/>.</summary>
    public static string? String(JsonElement value, string name, ref string? error)
    {
        if (IsAbsent(value))
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        error ??= $"{name} must be a string (got {Shown(value)})";
        return null;
    }

    /// <summary>A list of strings; an element of another kind is kept as its JSON text, for the caller to refuse by name.</summary>
    public static IReadOnlyList<string>? Strings(JsonElement value, string name, ref string? error)
    {
        if (IsAbsent(value))
            return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            error ??= $"{name} must be a list of strings (got {Shown(value)})";
            return null;
        }

        return [.. value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())];
    }

    /// <summary>An event id: a string of digits or a whole number, not negative; null when absent.</summary>
    public static long? EventId(JsonElement value, string name, ref string? error)
    {
        if (IsAbsent(value))
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0)
            return number;
        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return parsed;
        error ??= $"{name} must be the last event id you hold, a string of digits, or null (got {Shown(value)})";
        return null;
    }

    public static bool Boolean(JsonElement value, string name, ref string? error)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        if (!IsAbsent(value))
            error ??= $"{name} must be true or false (got {Shown(value)})";
        return false;
    }

    /// <summary>The argument as an object; otherwise an error saying what the method takes.</summary>
    public static bool IsObject(JsonElement root, string shape, out string? error)
    {
        error = root.ValueKind == JsonValueKind.Object ? null : $"the argument must be an object {shape} (got {Shown(root)})";
        return error is null;
    }

    private static string Shown(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= ShownLength ? text : string.Concat(text.AsSpan(0, ShownLength), "…");
    }
}
