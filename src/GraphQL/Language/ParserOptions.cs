namespace TaskForge.GraphQL.Language;

/// <summary>Limits that keep a hostile document from exhausting the parser.</summary>
public sealed record ParserOptions
{
    public static ParserOptions Default { get; } = new();

    /// <summary>Longest accepted document, in characters.</summary>
    public int MaxDocumentLength { get; init; } = 1_000_000;

    /// <summary>Most tokens the lexer hands out before the parser gives up.</summary>
    public int MaxTokens { get; init; } = 50_000;

    /// <summary>Deepest nesting of selection sets, values and type references.</summary>
    public int MaxDepth { get; init; } = 128;
}
