namespace TaskForge.GraphQL.Language;

internal sealed partial class DocumentParser
{
    public ValueNode ParseValueLiteral(bool isConst)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.BracketL:
            {
                EnterNesting();
                var values = Any(TokenKind.BracketL, isConst ? _parseConstValue : _parseValue, TokenKind.BracketR);
                LeaveNesting();
                return new ListValueNode(values) { Start = token.Start, End = _previousEnd };
            }

            case TokenKind.BraceL:
            {
                EnterNesting();
                var fields = Any(TokenKind.BraceL, isConst ? _parseConstObjectField : _parseObjectField, TokenKind.BraceR);
                LeaveNesting();
                return new ObjectValueNode(fields) { Start = token.Start, End = _previousEnd };
            }

            case TokenKind.Int:
                Advance();
                return new IntValueNode(token.Value!) { Start = token.Start, End = token.End };
            case TokenKind.Float:
                Advance();
                return new FloatValueNode(token.Value!) { Start = token.Start, End = token.End };
            case TokenKind.String or TokenKind.BlockString:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true) { Start = token.Start, End = token.End },
                    "false" => new BooleanValueNode(false) { Start = token.Start, End = token.End },
                    "null" => new NullValueNode { Start = token.Start, End = token.End },
                    _ => new EnumValueNode(token.Value!) { Start = token.Start, End = token.End },
                };
            case TokenKind.Dollar:
                if (isConst)
                {
                    Advance();
                    if (_token.Kind == TokenKind.Name)
                    {
                        throw _lexer.Error(token.Start, $"Unexpected variable \"${_token.Value}\" in constant value.");
                    }

                    throw Unexpected(token);
                }

                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _token.Start;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode(name, value) { Start = start, End = _previousEnd };
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _token;
        Advance();
        return new StringValueNode(token.Value!, token.Kind == TokenKind.BlockString) { Start = token.Start, End = token.End };
    }

    public TypeNode ParseTypeReference()
    {
        var start = _token.Start;
        TypeNode type;
        if (ExpectOptional(TokenKind.BracketL))
        {
            EnterNesting();
            var inner = ParseTypeReference();
            Expect(TokenKind.BracketR);
            LeaveNesting();
            type = new ListTypeNode(inner) { Start = start, End = _previousEnd };
        }
        else
        {
            type = ParseNamedType();
        }

        return ExpectOptional(TokenKind.Bang) ? new NonNullTypeNode(type) { Start = start, End = _previousEnd } : type;
    }

    private NamedTypeNode ParseNamedType()
    {
        var start = _token.Start;
        var name = ParseName();
        return new NamedTypeNode(name) { Start = start, End = _previousEnd };
    }
}
