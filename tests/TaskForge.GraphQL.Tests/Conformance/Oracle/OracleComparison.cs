using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Support;

namespace TaskForge.GraphQL.Tests.Conformance.Oracle;

/// <summary>
/// Compares our outcome for a document with graphql-js's: the same syntax error (message, location); the same
/// validation errors (message and locations, in any order); the same execution data (field order included)
/// and the same execution errors (message, path and locations, in any order).
/// </summary>
internal static class OracleComparison
{
    /// <summary>Null when the two agree; otherwise what differs.</summary>
    public static string? Compare(JsonElement expected, JsonElement actual)
    {
        if (expected.TryGetProperty("syntaxError", out var expectedSyntax))
        {
            return actual.TryGetProperty("syntaxError", out var actualSyntax)
                ? CompareMultisets("syntax error", [ErrorKey(expectedSyntax)], [ErrorKey(actualSyntax)])
                : $"graphql-js reports a syntax error {expectedSyntax.GetRawText()}; we do not: {Outcome(actual)}";
        }

        if (actual.TryGetProperty("syntaxError", out var unexpectedSyntax))
        {
            return $"we report a syntax error {unexpectedSyntax.GetRawText()}; graphql-js does not";
        }

        var expectedValidation = Keys(expected.GetProperty("validation"));
        var actualValidation = Keys(actual.GetProperty("validation"));
        var validation = CompareMultisets("validation errors", expectedValidation, actualValidation);
        if (validation is not null || expectedValidation.Count > 0)
        {
            return validation;
        }

        var expectedExecution = expected.GetProperty("execution");
        var actualExecution = actual.GetProperty("execution");
        if (expectedExecution.ValueKind == JsonValueKind.String)
        {
            return actualExecution.ValueKind == JsonValueKind.String ? null : $"expected {expectedExecution} but we executed it";
        }

        return CompareExecution(expectedExecution, actualExecution);
    }

    private static string? CompareExecution(JsonElement expected, JsonElement actual)
    {
        var hasData = expected.TryGetProperty("data", out var expectedData);
        if (hasData != actual.TryGetProperty("data", out var actualData))
        {
            return hasData ? "graphql-js returns a data entry; we return none" : "we return a data entry; graphql-js returns none";
        }

        if (hasData && JsonComparison.FindDifference(expectedData, actualData, "data") is { } difference)
        {
            return difference;
        }

        return CompareMultisets(
            "execution errors (message @ locations, path)",
            expected.TryGetProperty("errors", out var expectedErrors) ? Keys(expectedErrors) : [],
            actual.TryGetProperty("errors", out var actualErrors) ? Keys(actualErrors) : []);
    }

    private static List<string> Keys(JsonElement errors) => errors.EnumerateArray().Select(ErrorKey).ToList();

    /// <summary>"message @ [line:column ...], path [...]" (no path for syntax, validation and variable errors).</summary>
    private static string ErrorKey(JsonElement error)
    {
        var locations = error.TryGetProperty("locations", out var l)
            ? string.Join(" ", l.EnumerateArray().Select(x => $"{x.GetProperty("line")}:{x.GetProperty("column")}"))
            : string.Empty;
        var path = error.TryGetProperty("path", out var p) ? ", path [" + string.Join(",", p.EnumerateArray().Select(x => x.GetRawText())) + "]" : string.Empty;
        return $"{error.GetProperty("message").GetString()} @ [{locations}]{path}";
    }

    private static string? CompareMultisets(string what, List<string> expected, List<string> actual)
    {
        var missing = expected.ToList();
        var extra = new List<string>();
        foreach (var key in actual)
        {
            if (!missing.Remove(key))
            {
                extra.Add(key);
            }
        }

        if (missing.Count == 0 && extra.Count == 0)
        {
            return null;
        }

        return $"{what} differ.\n  graphql-js only:\n    {string.Join("\n    ", missing)}\n  ours only:\n    {string.Join("\n    ", extra)}";
    }

    private static string Outcome(JsonElement actual) =>
        actual.GetRawText() is { Length: > 400 } text ? text[..400] + "…" : actual.GetRawText();
}
