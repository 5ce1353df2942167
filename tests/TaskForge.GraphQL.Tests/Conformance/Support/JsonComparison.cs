using System.Text.Json;

namespace TaskForge.GraphQL.Tests.Conformance.Support;

/// <summary>
/// Structural JSON equality as the GraphQL response format needs it: object keys in the same order (the spec
/// orders response fields), numbers equal by value (1 and 1.0 are the same), everything else exact.
/// </summary>
internal static class JsonComparison
{
    /// <summary>Null when equal; otherwise the JSON path of the first difference and what differs.</summary>
    public static string? FindDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind == JsonValueKind.Number && actual.ValueKind == JsonValueKind.Number)
        {
            return expected.GetDouble().Equals(actual.GetDouble()) ? null : $"{path}: expected {expected} but was {actual}";
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {Show(expected)} but was {Show(actual)}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedProperties = expected.EnumerateObject().ToList();
                var actualProperties = actual.EnumerateObject().ToList();
                var expectedKeys = string.Join(",", expectedProperties.Select(p => p.Name));
                var actualKeys = string.Join(",", actualProperties.Select(p => p.Name));
                if (expectedKeys != actualKeys)
                {
                    return $"{path}: expected keys [{expectedKeys}] but were [{actualKeys}]";
                }

                for (var i = 0; i < expectedProperties.Count; i++)
                {
                    var difference = FindDifference(expectedProperties[i].Value, actualProperties[i].Value, $"{path}.{expectedProperties[i].Name}");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetArrayLength()} items but were {actual.GetArrayLength()}: {Show(actual)}";
                }

                var index = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    var difference = FindDifference(e, a, $"{path}[{index++}]");
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected {expected.GetRawText()} but was {actual.GetRawText()}";
            default:
                return null;
        }
    }

    private static string Show(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
