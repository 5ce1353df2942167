using System.Text.RegularExpressions;

namespace TaskForge.Projections.Daemon;

/// <summary>
/// The table names of one generation of a projection: <c>{schema}.{table}_g{generation}</c>. Readers query the view
/// <c>{schema}.{table}</c>, which points at the active generation (see ADR 0060).
/// </summary>
public sealed partial class ProjectionTables
{
    public ProjectionTables(string schema, int generation)
    {
        Schema = schema;
        Generation = generation;
    }

    public string Schema { get; }

    public int Generation { get; }

    /// <summary>The qualified name of this generation's table.</summary>
    public string this[string table] => $"{Schema}.{Validate(table)}_g{Generation}";

    /// <summary>The unqualified name of this generation's table (for index names).</summary>
    public string Local(string table) => $"{Validate(table)}_g{Generation}";

    /// <summary>The qualified name of the view readers use.</summary>
    public string View(string table) => $"{Schema}.{Validate(table)}";

    public static string Validate(string name) =>
        Identifier().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a valid table name (lower-case letters, digits, _; at most 40).", nameof(name));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$")]
    private static partial Regex Identifier();
}
