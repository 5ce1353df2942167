using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TaskForge.Api.Tests.Interop.Support;

/// <summary>An enum value, written bare in a literal and as a string in variables.</summary>
internal sealed record EnumLiteral(string Name);

/// <summary>One generated request: the document, its variables (or null) and what it was built from.</summary>
internal sealed record FuzzRequest(string Document, Dictionary<string, object?>? Variables, string Description);

/// <summary>
/// Seeded generator of GraphQL requests from TaskForge's real root fields: arguments mostly of the right shape with hostile
/// values (real ids of the wrong kind or of someone else's workspace, garbage ids, huge and odd strings, out-of-range
/// numbers), sometimes of the wrong shape (missing required fields, unknown fields, wrong types), sometimes as variables,
/// and sometimes with the document text itself damaged.
/// </summary>
internal sealed class DocumentFuzzer(SchemaModel schema, Random random, IReadOnlyList<string> knownIds)
{
    private static readonly string[] OddStrings =
    [
        "", " ", "x", "タスク 🙂", "\u0000nul", "\u202Eright-to-left", "<script>alert(1)</script>", "'; DROP TABLE mt_events; --",
        "%s%n%x", "../../etc/passwd", "a@example.com", "not an email", "2026-01-01T00:00:00Z", "2024-13-45T99:99:99Z", "-1",
        "9999999999999999999999", "NaN", "null", "{}", "\\", "\"", "tf_abcdefghijkl_secret", new string('w', 5_000),
    ];

    private static readonly string[] GarbageIds = ["", "garbage", "VGFzazo=", "VGFzazpub3QtYS1ndWlk", "Zm9vOmJhcg==", "!!!", "00000000-0000-0000-0000-000000000000", new string('A', 3_000)];

    public FuzzRequest Next()
    {
        var mutation = random.Next(3) > 0;
        var root = mutation ? schema.Mutation : schema.Query;
        var field = root.Fields[random.Next(root.Fields.Count)];
        var useVariables = random.Next(3) == 0;
        var variables = new Dictionary<string, object?>();
        var declarations = new List<string>();
        var arguments = new List<string>();
        foreach (var arg in field.Args)
        {
            if (!arg.Type.IsNonNull && random.Next(3) == 0)
                continue;
            if (arg.Type.IsNonNull && random.Next(25) == 0)
                continue; // a required argument missing
            var value = Value(arg.Type, 0);
            if (useVariables)
            {
                var declared = random.Next(12) == 0 ? WrongTypeName(arg.Type) : arg.Type.ToString();
                declarations.Add($"${arg.Name}: {declared}");
                arguments.Add($"{arg.Name}: ${arg.Name}");
                variables[arg.Name] = random.Next(15) == 0 ? WrongJson() : Json(value);
            }
            else
            {
                arguments.Add($"{arg.Name}: {Literal(value)}");
            }
        }

        if (random.Next(20) == 0)
            arguments.Add($"unknownArgument: {Literal(Scalar("String"))}");

        var call = arguments.Count == 0 ? field.Name : $"{field.Name}({string.Join(", ", arguments)})";
        var operation = mutation ? "mutation" : "query";
        var document = $"{operation} Fuzz{(declarations.Count == 0 ? "" : $"({string.Join(", ", declarations)})")} {{ {call}{Selection(field.Type, 0)} }}";
        if (random.Next(7) == 0)
            document = Damage(document);
        return new FuzzRequest(document, useVariables ? variables : null, $"{operation} {field.Name}");
    }

    private object? Value(TypeRef type, int depth)
    {
        if (type.Kind == "NON_NULL")
            return random.Next(40) == 0 ? null : Value(type.OfType!, depth);
        if (random.Next(20) == 0)
            return null;
        if (type.Kind == "LIST")
            return random.Next(10) == 0 ? Value(type.OfType!, depth) : Enumerable.Range(0, random.Next(depth > 1 ? 2 : 5)).Select(_ => Value(type.OfType!, depth + 1)).ToList();

        var named = schema.Types[type.Name!];
        switch (named.Kind)
        {
            case "ENUM":
                return random.Next(8) == 0 ? new EnumLiteral("NOT_A_VALUE") : new EnumLiteral(named.EnumValues[random.Next(named.EnumValues.Count)]);
            case "INPUT_OBJECT":
                if (depth > 3)
                    return new Dictionary<string, object?>();
                var fields = new Dictionary<string, object?>();
                foreach (var inputField in named.InputFields)
                {
                    if (!inputField.Type.IsNonNull && random.Next(2) == 0)
                        continue;
                    if (inputField.Type.IsNonNull && random.Next(25) == 0)
                        continue;
                    fields[inputField.Name] = Value(inputField.Type, depth + 1);
                }

                if (random.Next(10) == 0)
                    fields["bogus"] = Scalar("Int");
                return random.Next(30) == 0 ? Scalar("String") : fields;
            default:
                return random.Next(25) == 0 ? Scalar(Pick(["String", "Int", "Float", "Boolean"])) : Scalar(named.Name);
        }
    }

    private object? Scalar(string name) => name switch
    {
        "ID" => random.Next(3) > 0 && knownIds.Count > 0 ? knownIds[random.Next(knownIds.Count)] : Pick(GarbageIds),
        "Int" => Pick<object?>([0, 1, -1, 3, 50, 500, int.MaxValue, int.MinValue, 10_000_000_000L]),
        "Float" => Pick<object?>([0.0, -1.5, 1e308, 3.25]),
        "Boolean" => random.Next(2) == 0,
        "DateTime" => Pick(["2026-05-01T12:00:00Z", "2026-05-01T12:00:00+02:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday", "2026-02-30T00:00:00Z"]),
        "EventId" => Pick(["0", "1", "-5", "99999999999999999999999", "abc", "12"]),
        "JSON" => new Dictionary<string, object?> { ["any"] = Pick(OddStrings) },
        _ => random.Next(4) == 0 && knownIds.Count > 0 ? knownIds[random.Next(knownIds.Count)] : Pick(OddStrings),
    };

    private string Selection(TypeRef type, int depth)
    {
        var named = schema.Types[type.Named.Name!];
        if (named.Kind is "SCALAR" or "ENUM")
            return "";
        if (named.Kind is not "OBJECT" || depth > 1)
            return " { __typename }";
        var parts = new List<string> { "__typename" };
        foreach (var field in named.Fields.Where(f => f.Args.All(a => !a.Type.IsNonNull)).OrderBy(_ => random.Next()).Take(5))
        {
            var inner = schema.Types[field.Type.Named.Name!];
            if (inner.Kind is "SCALAR" or "ENUM")
                parts.Add(field.Name);
            else if (field.Name == "errors")
                parts.Add("errors { code message field }");
            else
                parts.Add(field.Name + Selection(field.Type, depth + 1));
        }

        return " { " + string.Join(" ", parts) + " }";
    }

    private string Literal(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        EnumLiteral e => e.Name,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IConvertible n => Convert.ToString(n, CultureInfo.InvariantCulture)!,
        List<object?> list => "[" + string.Join(", ", list.Select(Literal)) + "]",
        Dictionary<string, object?> map => "{" + string.Join(", ", map.Select(kv => $"{kv.Key}: {Literal(kv.Value)}")) + "}",
        _ => throw new InvalidOperationException(value.GetType().Name),
    };

    private static object? Json(object? value) => value switch
    {
        EnumLiteral e => e.Name,
        List<object?> list => list.Select(Json).ToList(),
        Dictionary<string, object?> map => map.ToDictionary(kv => kv.Key, kv => Json(kv.Value)),
        _ => value,
    };

    private object? WrongJson() => Pick<object?>([42, "a string", true, new List<object?> { 1, 2 }, new Dictionary<string, object?> { ["nested"] = new Dictionary<string, object?> { ["deeper"] = 1 } }, 1.5]);

    private string WrongTypeName(TypeRef type) => Pick([type.Named.Name + "!", "[" + type + "]", "String", "Int!", "NoSuchType", type.Named.Name == "ID" ? "Int" : "ID"]);

    private string Damage(string document)
    {
        var position = random.Next(document.Length);
        return random.Next(5) switch
        {
            0 => document.Remove(position, Math.Min(1 + random.Next(8), document.Length - position)),
            1 => document.Insert(position, Pick(["{", "}", "(", ")", "$", ":", "!", "@", "...", "\"", "\\u", "#", "\u0000", "query"])),
            2 => document[..position],
            3 => document.Insert(position, document[position..Math.Min(document.Length, position + 1 + random.Next(30))]),
            _ => new StringBuilder(document).Replace(" ", Pick(["  ", ",", "\n", "\t", "\uFEFF"]), position, document.Length - position).ToString(),
        };
    }

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
