namespace TaskForge.GraphQL.Types;

/// <summary>The SDL or the bindings do not make a valid schema; <see cref="Errors"/> lists every problem found.</summary>
public sealed class SchemaBuildException : Exception
{
    public SchemaBuildException(IReadOnlyList<string> errors)
        : base("Invalid schema:\n" + string.Join("\n", errors))
    {
        Errors = errors;
    }

    public SchemaBuildException()
        : this(["Invalid schema."])
    {
    }

    public SchemaBuildException(string message)
        : this([message])
    {
    }

    public SchemaBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; } = [];
}
