namespace TaskForge.GraphQL.Language;

/// <summary>A syntax error at a position in a document; becomes a GraphQL error "Syntax Error: ...".</summary>
public sealed class GraphQLSyntaxException : Exception
{
    public GraphQLSyntaxException(string description, int position, SourceLocation location)
        : base("Syntax Error: " + description)
    {
        Description = description;
        Position = position;
        Location = location;
    }

    public GraphQLSyntaxException()
        : this("Syntax error", 0, new SourceLocation(1, 1))
    {
    }

    public GraphQLSyntaxException(string message)
        : this(message, 0, new SourceLocation(1, 1))
    {
    }

    public GraphQLSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Description = message;
    }

    public string Description { get; } = string.Empty;

    public int Position { get; }

    public SourceLocation Location { get; }

    public GraphQLError ToGraphQLError(string code = ErrorCodes.ParseFailed) =>
        GraphQLError.WithCode(Message, code, [Location]);
}
