namespace TaskForge.GraphQL.Language;

/// <summary>Parses GraphQL documents (executable and type-system language) into an AST.</summary>
public static class Parser
{
    /// <exception cref="GraphQLSyntaxException">The document is not valid GraphQL or exceeds a limit.</exception>
    public static DocumentNode Parse(string text, ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ParserOptions.Default;
        if (text.Length > options.MaxDocumentLength)
        {
            throw new GraphQLSyntaxException(
                $"Document is longer than {options.MaxDocumentLength} characters. Parsing aborted.", 0, new SourceLocation(1, 1));
        }

        return new DocumentParser(text, options).ParseDocument();
    }

    /// <summary>Parses a single value literal, e.g. a default value.</summary>
    public static ValueNode ParseValue(string text, bool isConst = false)
    {
        var parser = new DocumentParser(text, ParserOptions.Default);
        return parser.ParseStandalone(() => parser.ParseValueLiteral(isConst));
    }

    /// <summary>Parses a type reference such as <c>[String!]!</c>.</summary>
    public static TypeNode ParseType(string text)
    {
        var parser = new DocumentParser(text, ParserOptions.Default);
        return parser.ParseStandalone(parser.ParseTypeReference);
    }
}
