using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Tests.Language;

public sealed class ParserTests
{
    [Fact]
    public void Given_operation_with_everything_When_parsed_Then_ast_holds_each_part()
    {
        var document = Parser.Parse("""
            "Described"
            query Q($id: ID! = "1" @dir, $list: [Int!]) @op {
              alias: field(a: 1, b: $id, c: [1.5, ENUM, null, true], d: {x: "s"}) @include(if: true) {
                ...Frag
                ... on T { x }
                ... @skip(if: false) { y }
              }
            }
            fragment Frag on T { z }
            """);
        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(OperationKind.Query, operation.Operation);
        Assert.Equal("Q", operation.Name!.Value);
        Assert.Equal("Described", operation.Description!.Value);
        Assert.Equal(2, operation.VariableDefinitions.Count);
        Assert.IsType<NonNullTypeNode>(operation.VariableDefinitions[0].Type);
        Assert.Equal("dir", operation.VariableDefinitions[0].Directives[0].Name.Value);
        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));
        Assert.Equal("alias", field.ResponseKey);
        Assert.Equal("field", field.Name.Value);
        Assert.Equal(4, field.Arguments.Count);
        var list = Assert.IsType<ListValueNode>(field.Arguments[2].Value);
        Assert.Collection(list.Values,
            v => Assert.IsType<FloatValueNode>(v),
            v => Assert.IsType<EnumValueNode>(v),
            v => Assert.IsType<NullValueNode>(v),
            v => Assert.True(Assert.IsType<BooleanValueNode>(v).Value));
        Assert.IsType<FragmentSpreadNode>(field.SelectionSet!.Selections[0]);
        Assert.Equal("T", Assert.IsType<InlineFragmentNode>(field.SelectionSet.Selections[1]).TypeCondition!.Name.Value);
        Assert.Null(Assert.IsType<InlineFragmentNode>(field.SelectionSet.Selections[2]).TypeCondition);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal("Frag", fragment.FragmentName.Value);
    }

    [Fact]
    public void Given_type_system_document_When_parsed_Then_definitions_and_extensions_are_read()
    {
        var document = Parser.Parse("""
            schema @a { query: Q mutation: M }
            "A scalar" scalar Date @specifiedBy(url: "https://example.com")
            type Q implements & A & B @x { f(arg: Int = 1 @y): [String!]! @deprecated(reason: "no") }
            interface A implements B { f: String }
            union U = | X | Y
            enum E { ONE TWO }
            input I @oneOf { a: Int, b: String }
            directive @d(x: Int) repeatable on FIELD | QUERY
            extend type Q { g: Int }
            extend schema @b
            """);
        Assert.Equal(10, document.Definitions.Count);
        Assert.Equal(2, Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[2]).Interfaces.Count);
        Assert.Equal(2, Assert.IsType<UnionTypeDefinitionNode>(document.Definitions[4]).Types.Count);
        Assert.True(Assert.IsType<DirectiveDefinitionNode>(document.Definitions[7]).Repeatable);
        Assert.True(Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[8]).IsExtension);
        Assert.True(Assert.IsType<SchemaDefinitionNode>(document.Definitions[9]).IsExtension);
        Assert.Equal("A scalar", Assert.IsType<ScalarTypeDefinitionNode>(document.Definitions[1]).Description!.Value);
    }

    [Theory]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a(b: ) }", "Syntax Error: Unexpected \")\".", 1, 8)]
    [InlineData("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 19)]
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("notAKeyword { a }", "Syntax Error: Unexpected Name \"notAKeyword\".", 1, 1)]
    [InlineData("\"desc\" { a }", "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"desc\" extend type A { a: Int }", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("extend type A", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("directive @d on NOWHERE", "Syntax Error: Unexpected Name \"NOWHERE\".", 1, 17)]
    public void Given_invalid_document_When_parsed_Then_graphql_js_message_and_location(string document, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document));
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), error.Location);
        Assert.Equal(ErrorCodes.ParseFailed, error.ToGraphQLError().Code);
    }

    [Fact]
    public void Given_more_tokens_than_allowed_When_parsed_Then_parsing_aborts()
    {
        var document = "{ " + string.Join(" ", Enumerable.Range(0, 100).Select(i => "f" + i)) + " }";
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document, new ParserOptions { MaxTokens = 50 }));
        Assert.Equal("Syntax Error: Document contains more than 50 tokens. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Given_deeply_nested_document_When_parsed_Then_depth_limit_stops_it_without_stack_overflow()
    {
        var document = string.Concat(Enumerable.Repeat("{ a ", 100_000)) + string.Concat(Enumerable.Repeat("}", 100_000));
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document, new ParserOptions { MaxTokens = 1_000_000 }));
        Assert.Contains("maximum nesting depth of 128", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_deeply_nested_list_value_When_parsed_Then_depth_limit_applies_to_values_too()
    {
        var document = "{ a(x: " + new string('[', 500) + new string(']', 500) + ") }";
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(document));
        Assert.Contains("maximum nesting depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_document_over_length_limit_When_parsed_Then_rejected_before_lexing()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse("{ a }", new ParserOptions { MaxDocumentLength = 3 }));
        Assert.Contains("longer than 3 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_type_reference_When_parsed_Then_wrappers_nest()
    {
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[[Int!]]!"));
        var outer = Assert.IsType<ListTypeNode>(type.Type);
        var inner = Assert.IsType<ListTypeNode>(outer.Type);
        Assert.Equal("Int", Assert.IsType<NamedTypeNode>(Assert.IsType<NonNullTypeNode>(inner.Type).Type).Name.Value);
    }
}
