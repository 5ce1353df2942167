using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Types;

public sealed class SchemaBuilderTests
{
    [Fact]
    public void Given_sdl_When_built_Then_types_members_and_roots_are_linked()
    {
        var schema = SchemaBuilder.FromSdl("""
            schema { query: Root mutation: Change }
            type Root { node: Node search: [Result!]! }
            type Change { touch: Boolean }
            interface Node { id: ID! }
            interface Named implements Node { id: ID! name: String }
            type Person implements Named & Node { id: ID! name: String age: Int @deprecated(reason: "gone") }
            union Result = Person
            enum Mood { HAPPY SAD @deprecated }
            input Filter @oneOf { name: String age: Int }
            scalar Instant @specifiedBy(url: "https://example.com/instant")
            extend type Person { nickname: String }
            """).Build();

        Assert.Equal("Root", schema.Query!.Name);
        Assert.Equal("Change", schema.Mutation!.Name);
        Assert.Null(schema.Subscription);
        var person = Assert.IsType<ObjectType>(schema.GetType("Person"));
        Assert.Equal(["id", "name", "age", "nickname"], person.Fields.Select(f => f.Name));
        Assert.Equal("gone", person.Fields["age"]!.DeprecationReason);
        var named = Assert.IsType<InterfaceType>(schema.GetType("Named"));
        Assert.Equal(["Node"], named.Interfaces.Select(i => i.Name));
        Assert.Equal([person], schema.GetPossibleTypes(named));
        Assert.Equal([named], schema.GetInterfaceImplementations((InterfaceType)schema.GetType("Node")!));
        Assert.True(Assert.IsType<InputObjectType>(schema.GetType("Filter")).IsOneOf);
        Assert.Equal("No longer supported", Assert.IsType<EnumType>(schema.GetType("Mood")).GetValue("SAD")!.DeprecationReason);
        Assert.Equal("https://example.com/instant", Assert.IsType<ScalarType>(schema.GetType("Instant")).SpecifiedByUrl);
        Assert.Same(BuiltInTypes.String, schema.GetType("String"));
        Assert.Equal("[Result!]!", schema.Query.Fields["search"]!.Type.ToString());
    }

    [Theory]
    [InlineData("type Query { a: Int }", "Query", "b", "Cannot bind \"Query.b\": type \"Query\" has no field \"b\".")]
    [InlineData("type Query { a: Int }", "Nope", "a", "Cannot bind \"Nope.a\": the SDL declares no object or interface type \"Nope\".")]
    public void Given_binding_to_missing_member_When_built_Then_error_names_it(string sdl, string type, string field, string message)
    {
        var error = Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl(sdl).BindField(type, field, _ => 1).Build());
        Assert.Contains(message, error.Errors);
    }

    [Fact]
    public void Given_scalar_binding_for_unknown_scalar_When_built_Then_error()
    {
        var error = Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl("type Query { a: Int }").BindScalar("Date", StandardScalars.DateTime).Build());
        Assert.Contains("Cannot bind scalar \"Date\": the SDL declares no custom scalar of that name.", error.Errors);
    }

    [Fact]
    public void Given_unknown_type_reference_and_syntax_errors_When_built_Then_all_are_reported()
    {
        var unknown = Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl("type Query { a: Missing }").Build());
        Assert.Contains("Unknown type \"Missing\" referenced by Query.a.", unknown.Errors);
        var syntax = Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl("type Query {").Build());
        Assert.StartsWith("Syntax Error:", Assert.Single(syntax.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_invalid_default_value_When_built_Then_error()
    {
        var error = Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl("type Query { a(x: Int = \"no\"): Int }").Build());
        Assert.Contains("Default value \"no\" of \"x\" is not a valid Int.", error.Errors);
    }

    [Theory]
    [InlineData("type Query @unknown { a: Int }", "Unknown directive \"@unknown\".")]
    [InlineData("type Query { a: Int @specifiedBy(url: \"x\") }", "Directive \"@specifiedBy\" may not be used on FIELD_DEFINITION.")]
    [InlineData("type Query { a: Int @deprecated @deprecated }", "The directive \"@deprecated\" can only be used once at this location.")]
    [InlineData("scalar D @specifiedBy type Query { a: D }", "Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was not provided.")]
    [InlineData("type Query { a: Int @deprecated(why: \"x\") }", "Unknown argument \"why\" on directive \"@deprecated\".")]
    public void Given_misused_directive_in_sdl_When_built_Then_error(string sdl, string message)
    {
        var error = Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl(sdl).Build());
        Assert.Contains(message, error.Errors);
    }
}
