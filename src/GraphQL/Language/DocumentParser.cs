namespace TaskForge.GraphQL.Language;

/// <summary>Recursive-descent parser state: the current token, token count and nesting depth.</summary>
internal sealed partial class DocumentParser
{
    private readonly Lexer _lexer;
    private readonly ParserOptions _options;
    private Token _token;
    private int _previousEnd;
    private int _tokenCount;
    private int _depth;

    // Delegates for the list helpers, created once per parse instead of once per list.
    private readonly Func<SelectionNode> _parseSelection;
    private readonly Func<VariableDefinitionNode> _parseVariableDefinition;
    private readonly Func<ArgumentNode> _parseArgument;
    private readonly Func<ArgumentNode> _parseConstArgument;
    private readonly Func<ValueNode> _parseValue;
    private readonly Func<ValueNode> _parseConstValue;
    private readonly Func<ObjectFieldNode> _parseObjectField;
    private readonly Func<ObjectFieldNode> _parseConstObjectField;

    public DocumentParser(string text, ParserOptions options)
    {
        _lexer = new Lexer(text);
        _options = options;
        _token = new Token(TokenKind.StartOfFile, 0, 0, null);
        _parseSelection = ParseSelection;
        _parseVariableDefinition = ParseVariableDefinition;
        _parseArgument = () => ParseArgument(false);
        _parseConstArgument = () => ParseArgument(true);
        _parseValue = () => ParseValueLiteral(false);
        _parseConstValue = () => ParseValueLiteral(true);
        _parseObjectField = () => ParseObjectField(false);
        _parseConstObjectField = () => ParseObjectField(true);
    }

    public DocumentNode ParseDocument()
    {
        Advance();
        var definitions = new List<DefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (!ExpectOptional(TokenKind.EndOfFile));

        return new DocumentNode(definitions) { Start = 0, End = _lexer.Body.Length, Text = _lexer.Body };
    }

    public T ParseStandalone<T>(Func<T> parse)
    {
        Advance();
        var result = parse();
        Expect(TokenKind.EndOfFile);
        return result;
    }

    private void Advance()
    {
        _previousEnd = _token.End;
        _token = _lexer.Next();
        if (_token.Kind != TokenKind.EndOfFile && ++_tokenCount > _options.MaxTokens)
        {
            throw _lexer.Error(_token.Start, $"Document contains more than {_options.MaxTokens} tokens. Parsing aborted.");
        }
    }

    private Token Lookahead()
    {
        var saved = _lexer.Position;
        var next = _lexer.Next();
        _lexer.Position = saved;
        return next;
    }

    private bool Peek(TokenKind kind) => _token.Kind == kind;

    private Token Expect(TokenKind kind)
    {
        var token = _token;
        if (token.Kind != kind)
        {
            throw _lexer.Error(token.Start, $"Expected {TokenKindText.Describe(kind)}, found {token.Describe()}.");
        }

        Advance();
        return token;
    }

    private bool ExpectOptional(TokenKind kind)
    {
        if (_token.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!ExpectOptionalKeyword(keyword))
        {
            throw _lexer.Error(_token.Start, $"Expected \"{keyword}\", found {_token.Describe()}.");
        }
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (_token.Kind != TokenKind.Name || _token.Value != keyword)
        {
            return false;
        }

        Advance();
        return true;
    }

    private GraphQLSyntaxException Unexpected(Token? token = null)
    {
        var at = token ?? _token;
        return _lexer.Error(at.Start, $"Unexpected {at.Describe()}.");
    }

    private void EnterNesting()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw _lexer.Error(_token.Start, $"Document exceeds the maximum nesting depth of {_options.MaxDepth}. Parsing aborted.");
        }
    }

    private void LeaveNesting() => _depth--;

    private NameNode ParseName()
    {
        var token = Expect(TokenKind.Name);
        return new NameNode(token.Value!) { Start = token.Start, End = token.End };
    }

    private List<T> Many<T>(TokenKind open, Func<T> parseItem, TokenKind close)
    {
        Expect(open);
        var items = new List<T>();
        do
        {
            items.Add(parseItem());
        }
        while (!ExpectOptional(close));

        return items;
    }

    private IReadOnlyList<T> OptionalMany<T>(TokenKind open, Func<T> parseItem, TokenKind close) =>
        Peek(open) ? Many(open, parseItem, close) : [];

    private List<T> Any<T>(TokenKind open, Func<T> parseItem, TokenKind close)
    {
        Expect(open);
        var items = new List<T>();
        while (!ExpectOptional(close))
        {
            items.Add(parseItem());
        }

        return items;
    }

    private List<T> DelimitedMany<T>(TokenKind delimiter, Func<T> parseItem)
    {
        ExpectOptional(delimiter);
        var items = new List<T>();
        do
        {
            items.Add(parseItem());
        }
        while (ExpectOptional(delimiter));

        return items;
    }
}
