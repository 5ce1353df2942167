using System.Text.Json;
using TaskForge.GraphQL.Tests.Conformance.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Conformance.SchemaOracle;

/// <summary>
/// Differential test of schema building against graphql-js: an SDL that buildSchema + validateSchema accept
/// must build here and print, order its types and introspect its own directive definitions exactly like
/// graphql-js; one that graphql-js rejects must be rejected here too.
/// </summary>
public sealed class SchemaOracleTests
{
    public static TheoryData<string> Schemas() => new(SchemaOracleExpectations.Names());

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task Schema_builds_like_graphql_js_buildSchema(string name)
    {
        var (expected, introspectionQuery) = await SchemaOracleExpectations.ForAsync(name);
        var sdl = expected.GetProperty("sdl").GetString()!;

        if (!expected.GetProperty("valid").GetBoolean())
        {
            var rejection = Record.Exception(() => SchemaBuilder.FromSdl(sdl).Build());
            Assert.True(rejection is SchemaBuildException,
                $"{name}: graphql-js rejects this SDL ({string.Join(" | ", expected.GetProperty("errors").EnumerateArray())}) but it built.\n{sdl}");
            return;
        }

        Schema schema;
        try
        {
            schema = SchemaBuilder.FromSdl(sdl).Build();
        }
        catch (SchemaBuildException exception)
        {
            Assert.Fail($"{name}: graphql-js accepts this SDL but we reject it: {exception.Message}\n{sdl}");
            return;
        }

        Assert.Equal(expected.GetProperty("printed").GetString(), SchemaPrinter.Print(schema));
        var introspection = await IntrospectAsync(schema, introspectionQuery);
        var types = introspection.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal(expected.GetProperty("types").EnumerateArray().Select(t => t.GetString()).ToList(), types);
        var defined = expected.GetProperty("directives").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToHashSet();
        using var ours = JsonDocument.Parse(JsonSerializer.Serialize(
            introspection.GetProperty("directives").EnumerateArray().Where(d => defined.Contains(d.GetProperty("name").GetString()))));
        var difference = JsonComparison.FindDifference(expected.GetProperty("directives"), ours.RootElement);
        Assert.True(difference is null, $"{name}: directives differ: {difference}\n{sdl}");
    }

    [Fact]
    public async Task Corpus_covers_redefined_built_ins_every_extension_kind_and_rejections()
    {
        var all = await SchemaOracleExpectations.AllAsync();
        var sdls = all.Select(s => s.GetProperty("sdl").GetString()!).ToList();

        Assert.True(all.Count(s => !s.GetProperty("valid").GetBoolean()) >= 100, "at least 100 invalid SDLs");
        Assert.True(all.Count(s => s.GetProperty("valid").GetBoolean()) >= 300, "at least 300 valid SDLs");
        foreach (var needle in new[]
                 {
                     "directive @skip", "directive @include", "directive @deprecated", "directive @specifiedBy", "directive @oneOf",
                     "scalar String", "scalar Int", "extend type", "extend interface", "extend union", "extend enum", "extend input",
                     "extend scalar", "extend schema",
                 })
        {
            Assert.True(sdls.Count(s => s.Contains(needle, StringComparison.Ordinal)) >= 5, $"fewer than 5 SDLs contain '{needle}'");
        }
    }

    private static async Task<JsonElement> IntrospectAsync(Schema schema, string query)
    {
        var engine = GraphQLEngine.Create(schema);
        var request = new GraphQLRequest(query);
        var prepared = engine.Prepare(request);
        Assert.True(prepared.IsSuccess, string.Join("\n", prepared.Errors?.Select(e => e.Message) ?? []));
        var result = await engine.ExecuteAsync(prepared.Operation, request, new RequestContext(), CancellationToken.None);
        Assert.Null(result.Errors);
        using var json = JsonDocument.Parse(result.ToJson());
        return json.RootElement.GetProperty("data").GetProperty("__schema").Clone();
    }
}
