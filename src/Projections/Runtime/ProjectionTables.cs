using System.Text.RegularExpressions;

namespace TaskForge.Projections.Runtime;

/// <summary>
/// The table names of one version of a projection: <c>{schema}.{table}_v{version}</c>. Readers query the view
/// <c>{schema}.{table}</c>, which points at the serving version (ADR 0074): a new version is built beside it and
/// served once it has caught up.
/// </summary>
public sealed partial class ProjectionTables
{
    public ProjectionTables(string schema, int version)
    {
        Schema = schema;
        Version = version;
    }

    public string Schema { get; }

    public int Version { get; }

    /// <summary>The qualified name of this version's table.</summary>
    public string this[string table] => $"{Schema}.{Validate(table)}_v{Version}";

    /// <summary>The unqualified name of this version's table (for index names).</summary>
    public string Local(string table) => $"{Validate(table)}_v{Version}";

    /// <summary>The qualified name of the view readers use.</summary>
    public string View(string table) => $"{Schema}.{Validate(table)}";

    public static string Validate(string name) =>
        Identifier().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a valid table name (lower-case letters, digits, _; at most 40).", nameof(name));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$")]
    private static partial Regex Identifier();
}
