using System.Text.Json;

namespace TaskForge.GraphQL;

/// <summary>Turns <see cref="JsonElement"/> values into the JSON-like CLR values the engine works with.</summary>
public static class JsonValues
{
    public static object? ToClr(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    return integer;
                }

                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = ToClr(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(ToClr(item));
                }

                return list;
            default:
                return null;
        }
    }

    /// <summary>Normalizes a value that may be or contain <see cref="JsonElement"/>s.</summary>
    public static object? Normalize(object? value) => value switch
    {
        JsonElement element => ToClr(element),
        IReadOnlyDictionary<string, object?> map when HasJsonElements(map.Values) => map.ToDictionary(p => p.Key, p => Normalize(p.Value), StringComparer.Ordinal),
        IReadOnlyList<object?> list when HasJsonElements(list) => list.Select(Normalize).ToList(),
        _ => value,
    };

    /// <summary>Normalizes a variables map.</summary>
    public static IReadOnlyDictionary<string, object?> NormalizeMap(IReadOnlyDictionary<string, object?>? map)
    {
        if (map is null || map.Count == 0)
        {
            return EmptyMap;
        }

        return HasJsonElements(map.Values) ? map.ToDictionary(p => p.Key, p => Normalize(p.Value), StringComparer.Ordinal) : map;
    }

    internal static readonly IReadOnlyDictionary<string, object?> EmptyMap = new Dictionary<string, object?>();

    private static bool HasJsonElements(IEnumerable<object?> values)
    {
        foreach (var value in values)
        {
            if (value is JsonElement || (value is IReadOnlyDictionary<string, object?> map && HasJsonElements(map.Values))
                || (value is IReadOnlyList<object?> list && HasJsonElements(list)))
            {
                return true;
            }
        }

        return false;
    }
}
