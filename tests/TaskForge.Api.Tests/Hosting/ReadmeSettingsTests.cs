using System.Reflection;
using System.Text.RegularExpressions;
using TaskForge.Api.Accounts;
using TaskForge.Api.Hosting;
using TaskForge.Api.Schema;
using TaskForge.Realtime;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Hosting;

/// <summary>
/// Issue 9's "documented in the README with a table of every setting": every property an options class binds from
/// configuration has its row, so a setting added to the code without its documentation fails here.
/// </summary>
public sealed partial class ReadmeSettingsTests
{
    /// <summary>The options classes bound from configuration, with their sections.</summary>
    private static readonly (Type Options, string Section)[] Bound =
    [
        (typeof(RealtimeOptions), "Realtime"),
        (typeof(AuthOptions), "Auth"),
        (typeof(RateLimitOptions), "RateLimits"),
        (typeof(GraphQLApiOptions), "GraphQL"),
        (typeof(TaskForgeStorageOptions), "TaskForge"),
    ];

    /// <summary>Keys the binder could fill but the host takes from elsewhere, with where.</summary>
    private static readonly Dictionary<string, string> NotSettings = new(StringComparer.Ordinal)
    {
        ["TaskForge:EventStore:Schema"] = "the store's schema is TaskForge:Schema (MartenExtensions passes it on)",
    };

    [Fact]
    public async Task Every_bound_setting_has_a_row_in_the_readme_settings_tables()
    {
        var rows = await RowsAsync();
        var missing = Bound.SelectMany(b => Keys(b.Options, b.Section))
            .Where(key => !NotSettings.ContainsKey(key) && !rows.Any(row => Documents(row, key)))
            .ToList();
        Assert.True(missing.Count == 0, $"settings without a README row: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_key_the_code_reads_by_name_has_a_row_in_the_readme_settings_tables()
    {
        var rows = await RowsAsync();
        var sources = Directory.EnumerateFiles(Path.Combine(SourceTree.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in sources)
            foreach (Match match in ConfigurationKey().Matches(await File.ReadAllTextAsync(path)))
                keys.Add(match.Groups[1].Value);

        Assert.Contains("Logging:Format", keys);
        var missing = keys.Where(key => !rows.Any(row => Documents(row, key))).ToList();
        Assert.True(missing.Count == 0, $"settings without a README row: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_exceptions_are_still_keys_the_binder_sees()
    {
        var keys = Bound.SelectMany(b => Keys(b.Options, b.Section)).ToHashSet(StringComparer.Ordinal);
        Assert.All(NotSettings.Keys, key => Assert.Contains(key, keys));
    }

    /// <summary>The first cells of the README's table rows that start with a code span.</summary>
    private static async Task<List<string>> RowsAsync() =>
        [.. (await File.ReadAllLinesAsync(Path.Combine(SourceTree.Root, "README.md")))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|')[1])];

    /// <summary>A string literal shaped like a configuration key: "Section:Name" or "Section:Sub:Name".</summary>
    [GeneratedRegex(@"""([A-Z][A-Za-z]+:[A-Z][A-Za-z]+(?::[A-Z][A-Za-z]+)?)""")]
    private static partial Regex ConfigurationKey();

    /// <summary>A row's first cell names the key whole (`Section:Name`), or the section and then the bare name (`GraphQL:MaxDepth`, `MaxCost`).</summary>
    private static bool Documents(string firstCell, string key)
    {
        if (firstCell.Contains($"`{key}`", StringComparison.Ordinal))
            return true;
        var split = key.LastIndexOf(':');
        return firstCell.Contains($"`{key[..split]}:", StringComparison.Ordinal) && firstCell.Contains($"`{key[(split + 1)..]}`", StringComparison.Ordinal);
    }

    /// <summary>The configuration keys of an options type's public settable properties, nested option objects walked into.</summary>
    private static IEnumerable<string> Keys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType.IsClass && propertyType != typeof(string) && propertyType.Namespace?.StartsWith("TaskForge", StringComparison.Ordinal) == true)
            {
                foreach (var nested in Keys(propertyType, key))
                    yield return nested;
            }
            else
            {
                yield return key;
            }
        }
    }
}
