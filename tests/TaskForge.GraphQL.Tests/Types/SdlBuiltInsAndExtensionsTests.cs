using TaskForge.GraphQL.Tests.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Types;

/// <summary>SDL that spells out the built-in directives and scalars, and SDL spread over extensions (issue 12).</summary>
public sealed class SdlBuiltInsAndExtensionsTests
{
    private const string SpecSkip = """
        "Directs the executor to skip this field or fragment when the `if` argument is true."
        directive @skip("Skipped when true." if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
        """;

    [Fact]
    public void Bug_sdl_redefining_skip_and_string_is_accepted()
    {
        var schema = SchemaBuilder.FromSdl(SpecSkip + "\nscalar String\ntype Query { a: String }").Build();

        Assert.Same(BuiltInTypes.Skip, schema.GetDirective("skip"));
        Assert.Same(BuiltInTypes.String, schema.GetType("String"));
        Assert.Equal("String", schema.Types[0].Name);
        Assert.Equal(["skip", "include", "deprecated", "specifiedBy", "oneOf"], schema.Directives.Select(d => d.Name));
    }

    [Fact]
    public void Given_skip_without_descriptions_When_built_Then_the_sdl_definition_is_the_schema_s()
    {
        var schema = SchemaBuilder.FromSdl("directive @skip(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT\ntype Query { a: String }").Build();

        var skip = schema.GetDirective("skip")!;
        Assert.NotSame(BuiltInTypes.Skip, skip);
        Assert.Null(skip.Description);
        Assert.Equal("type Query {\n  a: String\n}", SchemaPrinter.Print(schema));
    }

    [Fact]
    public async Task Given_skip_narrowed_to_fields_When_used_on_a_fragment_Then_validation_refuses_it_and_fields_still_skip()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("directive @skip(if: Boolean!) on FIELD\ntype Query { a: String b: String }")
            .BindField("Query", "a", _ => "A").BindField("Query", "b", _ => "B").Build());

        Assert.Equal("""{"data":{"b":"B"}}""", await Run.Json("{ a @skip(if: true) b }", engine: engine));
        Assert.Contains("Directive \\\"@skip\\\" may not be used on INLINE_FRAGMENT.", await Run.Json("{ ... @skip(if: true) { a } }", engine: engine));
    }

    [Fact]
    public void Given_deprecated_with_required_reason_When_a_use_omits_it_Then_the_schema_is_refused()
    {
        const string Definition = "directive @deprecated(reason: String!) on FIELD_DEFINITION\n";

        var schema = SchemaBuilder.FromSdl(Definition + "type Query { a: Int @deprecated(reason: \"old\") }").Build();
        var refused = Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl(Definition + "type Query { a: Int @deprecated }").Build());

        Assert.Equal("String!", schema.GetDirective("deprecated")!.Arguments[0].Type.ToString());
        Assert.Equal("old", ((ObjectType)schema.GetType("Query")!).Fields["a"]!.DeprecationReason);
        Assert.Contains("Directive \"@deprecated\" argument \"reason\" of type \"String!\" is required, but it was not provided.", refused.Errors);
    }

    [Theory]
    [InlineData("scalar Int\nscalar Int\ntype Query { a: Int }", "There can be only one type named \"Int\".")]
    [InlineData("directive @oneOf on INPUT_OBJECT\ndirective @oneOf on INPUT_OBJECT\ntype Query { a: Int }", "There can be only one directive named \"@oneOf\".")]
    [InlineData("extend scalar Int @specifiedBy(url: \"u\")\ntype Query { a: Int }", "Cannot extend type \"Int\" because it is not defined.")]
    public void Given_built_in_defined_twice_or_extended_undefined_When_built_Then_refused(string sdl, string message)
    {
        var refused = Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl(sdl).Build());

        Assert.Contains(message, refused.Errors);
    }

    [Fact]
    public async Task Given_built_in_scalar_spelled_out_When_executing_Then_it_coerces_as_the_built_in()
    {
        var engine = GraphQLEngine.Create(SchemaBuilder.FromSdl("\"Whole numbers.\" scalar Int\nextend scalar Int @specifiedBy(url: \"https://example.com/int\")\ntype Query { n: Int }")
            .BindField("Query", "n", _ => "not a number").Build());

        var result = await Run.Execute("{ n }", engine: engine);

        Assert.Equal("Int cannot represent non-integer value: \"not a number\"", Assert.Single(result.Errors!).Message);
    }

    [Fact]
    public void Given_extensions_in_other_documents_and_before_definitions_When_built_Then_every_kind_is_merged()
    {
        var schema = SchemaBuilder.FromSdl("""
                extend schema { mutation: Change }
                extend type Query { b: Int }
                extend interface Named { alias: String }
                extend union Thing = B
                """)
            .AddSdl("""
                type Query { a(filter: Filter): Thing }
                interface Named { name: String }
                type A implements Named { name: String alias: String }
                type B { n: Int }
                union Thing = A
                enum Color { RED }
                input Filter { name: String }
                type Change { touch: Boolean }
                """)
            .AddSdl("extend enum Color { GREEN }\nextend input Filter { color: Color = GREEN }")
            .Build();

        Assert.Equal("Query", schema.Query!.Name);
        Assert.Equal("Change", schema.Mutation!.Name);
        Assert.Equal(["a", "b"], schema.Query.Fields.Select(f => f.Name));
        Assert.Equal(["name", "alias"], ((InterfaceType)schema.GetType("Named")!).Fields.Select(f => f.Name));
        Assert.Equal(["A", "B"], ((UnionType)schema.GetType("Thing")!).Types.Select(t => t.Name));
        Assert.Equal(["RED", "GREEN"], ((EnumType)schema.GetType("Color")!).Values.Select(v => v.Name));
        Assert.Equal("GREEN", ((InputObjectType)schema.GetType("Filter")!).Fields.Single(f => f.Name == "color").DefaultValue);
    }
}
