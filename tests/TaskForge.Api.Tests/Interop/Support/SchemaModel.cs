using System.Text.Json;

namespace TaskForge.Api.Tests.Interop.Support;

/// <summary>A type reference of the introspected schema (NON_NULL and LIST wrap <see cref="OfType"/>).</summary>
internal sealed record TypeRef(string Kind, string? Name, TypeRef? OfType)
{
    public TypeRef Named => OfType is null ? this : OfType.Named;

    public bool IsNonNull => Kind == "NON_NULL";

    public override string ToString() => Kind switch
    {
        "NON_NULL" => OfType + "!",
        "LIST" => "[" + OfType + "]",
        _ => Name!,
    };

    public static TypeRef From(JsonElement json) => new(
        json.GetProperty("kind").GetString()!,
        json.GetProperty("name").GetString(),
        json.TryGetProperty("ofType", out var of) && of.ValueKind == JsonValueKind.Object ? From(of) : null);
}

internal sealed record InputValue(string Name, TypeRef Type);

internal sealed record Field(string Name, IReadOnlyList<InputValue> Args, TypeRef Type);

internal sealed record NamedType(string Kind, string Name, IReadOnlyList<Field> Fields, IReadOnlyList<InputValue> InputFields, IReadOnlyList<string> EnumValues);

/// <summary>TaskForge's schema as its own introspection describes it: the source of the fuzzer's documents.</summary>
internal sealed class SchemaModel
{
    public const string IntrospectionQuery = """
        query Introspect {
          __schema {
            queryType { name }
            mutationType { name }
            types { kind name
              fields { name args { name type { ...T } } type { ...T } }
              inputFields { name type { ...T } }
              enumValues { name } }
          }
        }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
        """;

    private SchemaModel(IReadOnlyDictionary<string, NamedType> types, string query, string mutation)
    {
        Types = types;
        Query = types[query];
        Mutation = types[mutation];
    }

    public IReadOnlyDictionary<string, NamedType> Types { get; }

    public NamedType Query { get; }

    public NamedType Mutation { get; }

    public static SchemaModel From(JsonElement schema)
    {
        static IReadOnlyList<InputValue> Values(JsonElement list) => list.ValueKind != JsonValueKind.Array ? []
            : list.EnumerateArray().Select(v => new InputValue(v.GetProperty("name").GetString()!, TypeRef.From(v.GetProperty("type")))).ToList();

        var types = schema.GetProperty("types").EnumerateArray().Select(t => new NamedType(
            t.GetProperty("kind").GetString()!,
            t.GetProperty("name").GetString()!,
            t.GetProperty("fields").ValueKind != JsonValueKind.Array ? []
                : t.GetProperty("fields").EnumerateArray().Select(f => new Field(f.GetProperty("name").GetString()!, Values(f.GetProperty("args")), TypeRef.From(f.GetProperty("type")))).ToList(),
            Values(t.GetProperty("inputFields")),
            t.GetProperty("enumValues").ValueKind != JsonValueKind.Array ? [] : t.GetProperty("enumValues").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToList()))
            .ToDictionary(t => t.Name);
        return new SchemaModel(types, schema.GetProperty("queryType").GetProperty("name").GetString()!, schema.GetProperty("mutationType").GetProperty("name").GetString()!);
    }
}
