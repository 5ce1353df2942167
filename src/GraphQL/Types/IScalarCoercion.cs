using TaskForge.GraphQL.Language;

namespace TaskForge.GraphQL.Types;

/// <summary>
/// How a scalar moves between the wire and resolvers. Bind an implementation with
/// <see cref="SchemaBuilder.BindScalar(string, IScalarCoercion)"/>. To reject a value, throw
/// <see cref="ScalarCoercionException"/> with a message for the client.
/// </summary>
public interface IScalarCoercion
{
    /// <summary>Resolver value to response value (string, bool, number, or a JSON-like value).</summary>
    object? Serialize(object? value);

    /// <summary>Variable value (JSON-like CLR value) to the value resolvers receive.</summary>
    object? ParseValue(object? value);

    /// <summary>Literal in the document to the value resolvers receive.</summary>
    object? ParseLiteral(ValueNode literal, IReadOnlyDictionary<string, object?>? variables);
}

/// <summary>Thrown by scalar coercions to reject a value; the message reaches the client.</summary>
public sealed class ScalarCoercionException : Exception
{
    public ScalarCoercionException(string message)
        : base(message)
    {
    }

    public ScalarCoercionException()
        : this("Invalid scalar value.")
    {
    }

    public ScalarCoercionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
