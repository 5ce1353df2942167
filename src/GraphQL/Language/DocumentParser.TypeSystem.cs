namespace TaskForge.GraphQL.Language;

internal sealed partial class DocumentParser
{
    private static readonly HashSet<string> DirectiveLocationNames =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION",
    ];

    private bool PeekDescription() => Peek(TokenKind.String) || Peek(TokenKind.BlockString);

    private StringValueNode? ParseDescription() => PeekDescription() ? ParseStringLiteral() : null;

    private SchemaDefinitionNode ParseSchemaDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        ExpectKeyword("schema");
        var directives = ParseDirectives(true);
        var operationTypes = Many(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
        return new SchemaDefinitionNode(description, directives, operationTypes) { Start = start, End = _previousEnd };
    }

    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _token.Start;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode(operation, type) { Start = start, End = _previousEnd };
    }

    private ScalarTypeDefinitionNode ParseScalarTypeDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(true);
        return new ScalarTypeDefinitionNode(description, name, directives) { Start = start, End = _previousEnd };
    }

    private ObjectTypeDefinitionNode ParseObjectTypeDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(true);
        var fields = OptionalMany(TokenKind.BraceL, ParseFieldDefinition, TokenKind.BraceR);
        return new ObjectTypeDefinitionNode(description, name, interfaces, directives, fields) { Start = start, End = _previousEnd };
    }

    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(true);
        var fields = OptionalMany(TokenKind.BraceL, ParseFieldDefinition, TokenKind.BraceR);
        return new InterfaceTypeDefinitionNode(description, name, interfaces, directives, fields) { Start = start, End = _previousEnd };
    }

    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces() =>
        ExpectOptionalKeyword("implements") ? DelimitedMany(TokenKind.Amp, ParseNamedType) : [];

    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = OptionalMany(TokenKind.ParenL, ParseInputValueDefinition, TokenKind.ParenR);
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(true);
        return new FieldDefinitionNode(description, name, arguments, type, directives) { Start = start, End = _previousEnd };
    }

    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.EqualsSign) ? ParseValueLiteral(true) : null;
        var directives = ParseDirectives(true);
        return new InputValueDefinitionNode(description, name, type, defaultValue, directives) { Start = start, End = _previousEnd };
    }

    private UnionTypeDefinitionNode ParseUnionTypeDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var types = ParseUnionMembers();
        return new UnionTypeDefinitionNode(description, name, directives, types) { Start = start, End = _previousEnd };
    }

    private IReadOnlyList<NamedTypeNode> ParseUnionMembers() =>
        ExpectOptional(TokenKind.EqualsSign) ? DelimitedMany(TokenKind.Pipe, ParseNamedType) : [];

    private EnumTypeDefinitionNode ParseEnumTypeDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var values = OptionalMany(TokenKind.BraceL, ParseEnumValueDefinition, TokenKind.BraceR);
        return new EnumTypeDefinitionNode(description, name, directives, values) { Start = start, End = _previousEnd };
    }

    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        if (_token.Value is "true" or "false" or "null")
        {
            throw _lexer.Error(_token.Start, $"{_token.Describe()} is reserved and cannot be used for an enum value.");
        }

        var name = ParseName();
        var directives = ParseDirectives(true);
        return new EnumValueDefinitionNode(description, name, directives) { Start = start, End = _previousEnd };
    }

    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(true);
        var fields = OptionalMany(TokenKind.BraceL, ParseInputValueDefinition, TokenKind.BraceR);
        return new InputObjectTypeDefinitionNode(description, name, directives, fields) { Start = start, End = _previousEnd };
    }

    private DirectiveDefinitionNode ParseDirectiveDefinition()
    {
        var start = _token.Start;
        var description = ParseDescription();
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = OptionalMany(TokenKind.ParenL, ParseInputValueDefinition, TokenKind.ParenR);
        var repeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = DelimitedMany(TokenKind.Pipe, ParseDirectiveLocation);
        return new DirectiveDefinitionNode(description, name, arguments, repeatable, locations) { Start = start, End = _previousEnd };
    }

    private NameNode ParseDirectiveLocation()
    {
        var token = _token;
        var name = ParseName();
        return DirectiveLocationNames.Contains(name.Value) ? name : throw Unexpected(token);
    }

    private TypeSystemDefinitionNode ParseTypeSystemExtension()
    {
        var keyword = Lookahead();
        if (keyword.Kind == TokenKind.Name)
        {
            var start = _token.Start;
            switch (keyword.Value)
            {
                case "schema":
                {
                    Advance();
                    Advance();
                    var directives = ParseDirectives(true);
                    var operationTypes = OptionalMany(TokenKind.BraceL, ParseOperationTypeDefinition, TokenKind.BraceR);
                    if (directives.Count == 0 && operationTypes.Count == 0)
                    {
                        throw Unexpected();
                    }

                    return new SchemaDefinitionNode(null, directives, operationTypes) { Start = start, End = _previousEnd, IsExtension = true };
                }

                case "scalar" or "type" or "interface" or "union" or "enum" or "input":
                    Advance();
                    return ParseTypeExtension(start, keyword.Value);
            }
        }

        throw Unexpected(keyword);
    }

    private TypeDefinitionNode ParseTypeExtension(int start, string keyword)
    {
        TypeDefinitionNode node = keyword switch
        {
            "scalar" => ParseScalarTypeDefinition(),
            "type" => ParseObjectTypeDefinition(),
            "interface" => ParseInterfaceTypeDefinition(),
            "union" => ParseUnionTypeDefinition(),
            "enum" => ParseEnumTypeDefinition(),
            _ => ParseInputObjectTypeDefinition(),
        };
        var empty = node switch
        {
            ObjectTypeDefinitionNode o => o.Interfaces.Count == 0 && o.Fields.Count == 0,
            InterfaceTypeDefinitionNode i => i.Interfaces.Count == 0 && i.Fields.Count == 0,
            UnionTypeDefinitionNode u => u.Types.Count == 0,
            EnumTypeDefinitionNode e => e.Values.Count == 0,
            InputObjectTypeDefinitionNode f => f.Fields.Count == 0,
            _ => true,
        };
        if (empty && node.Directives.Count == 0)
        {
            throw Unexpected();
        }

        return node with { Start = start, IsExtension = true };
    }
}
