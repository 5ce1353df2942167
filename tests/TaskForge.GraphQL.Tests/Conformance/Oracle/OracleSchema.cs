using System.Text.Json;
using TaskForge.GraphQL.Execution;
using TaskForge.GraphQL.Tests.Conformance.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Conformance.Oracle;

/// <summary>
/// The oracle schema (Conformance/schema.graphql) over fixture.json with the resolvers of Conformance/README.md,
/// the same ones js/oracle-schema.mjs gives graphql-js.
/// </summary>
internal static class OracleSchema
{
    private static readonly string[] AbstractTypes = ["Node", "Named", "Character", "SearchResult"];

    /// <summary>An engine without protection limits, so that only GraphQL semantics are compared.</summary>
    public static GraphQLEngine CreateEngine(bool incrementalDelivery = false) => GraphQLEngine.Create(Build(incrementalDelivery), new GraphQLEngineOptions
    {
        MaxDepth = null,
        MaxCost = null,
        MaxAliases = null,
        MaxRootFields = null,
        ExecutionTimeout = null,
    });

    /// <param name="incrementalDelivery">With graphql-js 17's @defer and @stream (the incremental oracle).</param>
    public static Schema Build(bool incrementalDelivery = false)
    {
        var sdl = File.ReadAllText(RepositoryPaths.OracleSchema);
        using var fixtureJson = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.OracleFixture));
        var fixture = (Dictionary<string, object?>)JsonValues.ToClr(fixtureJson.RootElement)!;
        var data = new OracleData(fixture);

        var builder = SchemaBuilder.FromSdl(sdl)
            .BindScalar("DateTime", new OracleDateTime())
            .BindScalar("JSON", StandardScalars.Json);
        if (incrementalDelivery)
        {
            builder.AddDeferAndStreamDirectives();
        }

        foreach (var typeName in AbstractTypes)
        {
            builder.BindTypeResolver(typeName, (value, _) => ((IReadOnlyDictionary<string, object?>)value)["__typename"] as string);
        }

        var specific = new Dictionary<(string, string), Func<ResolveContext, object?>>
        {
            [("Query", "hero")] = ctx => data.Character(data.HeroId(ctx.Arguments["episode"] as string)),
            [("Query", "human")] = ctx => data.CharacterOfType((string)ctx.Arguments["id"]!, "Human"),
            [("Query", "droid")] = ctx => data.CharacterOfType((string)ctx.Arguments["id"]!, "Droid"),
            [("Query", "character")] = ctx => data.CharacterBy((IReadOnlyDictionary<string, object?>)ctx.Arguments["by"]!),
            [("Query", "characters")] = ctx => data.Characters(ctx.Arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>),
            [("Query", "search")] = ctx => data.Search((string)ctx.Arguments["text"]!),
            [("Query", "node")] = ctx => data.Node((string)ctx.Arguments["id"]!),
            [("Query", "starships")] = _ => data.Starships,
            [("Query", "reviews")] = ctx => data.Reviews((string)ctx.Arguments["episode"]!),
            [("Query", "echo")] = ctx => ctx.Arguments,
            [("Query", "withDefaults")] = ctx => ctx.Arguments,
            [("Human", "friends")] = ctx => data.Friends(ctx.Source),
            [("Droid", "friends")] = ctx => data.Friends(ctx.Source),
            [("Human", "starships")] = ctx => data.StarshipsOf(ctx.Source),
            [("Human", "height")] = ctx => OracleData.InUnit(ctx, "height"),
            [("Starship", "length")] = ctx => OracleData.InUnit(ctx, "length"),
            [("Mutation", "createReview")] = OracleData.CreateReview,
            [("Mutation", "rename")] = data.Rename,
        };

        foreach (var type in SchemaBuilder.FromSdl(sdl).Build().Types.OfType<ObjectType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            foreach (var field in type.Fields)
            {
                var resolver = specific.GetValueOrDefault((type.Name, field.Name)) ?? data.Property;
                builder.BindField(type.Name, field.Name, resolver);
            }
        }

        return builder.Build();
    }
}
