using TaskForge.GraphQL.Execution;
using Map = System.Collections.Generic.Dictionary<string, object?>;

namespace TaskForge.GraphQL.Tests.Conformance.Oracle;

/// <summary>fixture.json as JSON-like CLR values, and the oracle resolvers over it (see Conformance/README.md).</summary>
internal sealed class OracleData(Dictionary<string, object?> fixture)
{
    private const double FeetPerMeter = 3.28084;

    private readonly List<Map> _characters = ((List<object?>)fixture["characters"]!).Cast<Map>().ToList();
    private readonly List<Map> _starships = ((List<object?>)fixture["starships"]!).Cast<Map>().ToList();
    private readonly List<Map> _reviews = ((List<object?>)fixture["reviews"]!).Cast<Map>().ToList();
    private readonly Map _heroes = (Map)fixture["heroes"]!;

    private readonly Map _root = (Map)fixture["root"]!;

    public IReadOnlyList<Map> Starships => _starships;

    /// <summary>
    /// The default resolver: the parent's entry named like the field (fixture.root for root fields);
    /// <c>{"$error": m}</c> throws m.
    /// </summary>
    public object? Property(ResolveContext context) =>
        (context.Source ?? _root) is IReadOnlyDictionary<string, object?> parent ? Fail(parent.GetValueOrDefault(context.FieldName)) : null;

    public static object? InUnit(ResolveContext context, string field)
    {
        var meters = Fail(((Map)context.Source!).GetValueOrDefault(field));
        if (meters is null)
        {
            return null;
        }

        var value = Convert.ToDouble(meters, System.Globalization.CultureInfo.InvariantCulture);
        return context.Arguments.GetValueOrDefault("unit") as string == "FOOT" ? value * FeetPerMeter : value;
    }

    public static object? CreateReview(ResolveContext context)
    {
        var review = (IReadOnlyDictionary<string, object?>)context.Arguments["review"]!;
        return new Map
        {
            ["episode"] = context.Arguments.GetValueOrDefault("episode"),
            ["stars"] = review.GetValueOrDefault("stars"),
            ["commentary"] = review.GetValueOrDefault("commentary"),
            ["tags"] = review.GetValueOrDefault("tags"),
        };
    }

    public object? Rename(ResolveContext context)
    {
        var name = (string)context.Arguments["name"]!;
        if (name.Length == 0)
        {
            throw new GraphQLException("Name must not be empty.");
        }

        var character = Character((string)context.Arguments["id"]!);
        return character is null ? null : new Map(character) { ["name"] = name };
    }

    public string? HeroId(string? episode) => episode is null ? null : _heroes.GetValueOrDefault(episode) as string;

    public Map? Character(string? id) => id is null ? null : _characters.Find(c => (string?)c["id"] == id);

    public Map? CharacterOfType(string id, string typename) => Character(id) is { } c && (string?)c["__typename"] == typename ? c : null;

    public Map? CharacterBy(IReadOnlyDictionary<string, object?> by) =>
        by.TryGetValue("id", out var id) ? Character(id as string) : _characters.Find(c => Equals(c["name"], by.GetValueOrDefault("name")));

    public IEnumerable<Map> Characters(IReadOnlyDictionary<string, object?>? filter)
    {
        if (filter is null)
        {
            return _characters;
        }

        var nameContains = filter.GetValueOrDefault("nameContains") as string;
        var episode = filter.GetValueOrDefault("episode") as string;
        var matches = _characters.Where(c =>
            (nameContains is null || (c["name"] is string name && name.Contains(nameContains, StringComparison.Ordinal))) &&
            (episode is null || ((List<object?>)c["appearsIn"]!).Contains(episode)));
        var limit = filter.GetValueOrDefault("limit");
        return limit is null ? matches.ToList() : matches.Take(Math.Max(0, Convert.ToInt32(limit, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    public IEnumerable<Map> Search(string text) =>
        _characters.Concat(_starships).Where(x => x["name"] is string name && name.Contains(text, StringComparison.Ordinal)).ToList();

    public Map? Node(string id) => Character(id) ?? _starships.Find(s => (string?)s["id"] == id);

    public IEnumerable<Map> Reviews(string episode) => _reviews.Where(r => (string?)r["episode"] == episode).ToList();

    public IEnumerable<Map?> Friends(object? source) => ((List<object?>)((Map)source!)["friends"]!).Select(id => Character(id as string)).ToList();

    public IEnumerable<Map?> StarshipsOf(object? source) =>
        ((List<object?>)((Map)source!)["starships"]!).Select(id => id is null ? null : _starships.Find(s => Equals(s["id"], id))).ToList();

    private static object? Fail(object? value) =>
        value is Map map && map.TryGetValue("$error", out var message)
            ? throw new GraphQLException((string)message!)
            : value;
}
