using System.Text.RegularExpressions;

namespace TaskForge.EventStore.Schema;

/// <summary>Schema names are spliced into SQL, so only plain lower-case identifiers are accepted.</summary>
public static partial class SchemaName
{
    public static string Validate(string schema) =>
        Identifier().IsMatch(schema) ? schema : throw new ArgumentException($"'{schema}' is not a valid schema name (lower-case letters, digits, _; at most 63).", nameof(schema));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
