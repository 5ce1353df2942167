using TaskForge.GraphQL.Tests.Support;
using TaskForge.GraphQL.Types;

namespace TaskForge.GraphQL.Tests.Types;

public sealed class SchemaPrinterTests
{
    [Fact]
    public void Given_star_wars_schema_When_printed_Then_output_matches_graphql_js_printSchema()
    {
        var printed = SchemaPrinter.Print(StarWarsSchema.Build());
        Assert.Equal(StarWarsSchemaExpected.Sdl, printed);
    }

    [Fact]
    public void Given_descriptions_defaults_and_deprecations_When_printed_Then_graphql_js_format_is_used()
    {
        var schema = SchemaBuilder.FromSdl("""
            "Root"
            schema { query: Root }

            "Multi\nline"
            type Root {
              "Arg-described"
              field(
                "first arg"
                a: Int = 1
                b: [String] = "x"
              ): String @deprecated
              other(e: Color = RED, f: Float = 1.0, i: In = {x: 2}): Color @deprecated(reason: "Use field")
            }

            enum Color { RED GREEN @deprecated(reason: "No longer supported") }
            input In { x: Int! y: ID = 3 }
            directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT
            """).Build();

        Assert.Equal(
            """"
            """Root"""
            schema {
              query: Root
            }

            directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT

            """
            Multi
            line
            """
            type Root {
              """Arg-described"""
              field(
                """first arg"""
                a: Int = 1
                b: [String] = ["x"]
              ): String @deprecated
              other(e: Color = RED, f: Float = 1, i: In = {x: 2, y: 3}): Color @deprecated(reason: "Use field")
            }

            enum Color {
              RED
              GREEN @deprecated
            }

            input In {
              x: Int!
              y: ID = 3
            }
            """",
            SchemaPrinter.Print(schema));
    }
}
