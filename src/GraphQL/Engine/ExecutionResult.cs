using System.Text.Json;
using TaskForge.GraphQL.Json;

namespace TaskForge.GraphQL;

/// <summary>A GraphQL response: data (when execution started), errors and extensions.</summary>
public sealed class ExecutionResult
{
    public ExecutionResult(object? data, IReadOnlyList<GraphQLError>? errors, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Data = data;
        HasData = true;
        Errors = errors is { Count: > 0 } ? errors : null;
        Extensions = extensions;
    }

    private ExecutionResult(IReadOnlyList<GraphQLError> errors)
    {
        HasData = false;
        Errors = errors;
    }

    /// <summary>The data: an ordered map of response keys (<see cref="IReadOnlyDictionary{TKey, TValue}"/>), or null.</summary>
    public object? Data { get; }

    /// <summary>True when the response has a <c>data</c> key (its value may be null).</summary>
    public bool HasData { get; }

    public IReadOnlyList<GraphQLError>? Errors { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>A result for a request that failed before execution began: errors and no data key.</summary>
    public static ExecutionResult FromErrors(IReadOnlyList<GraphQLError> errors) => new(errors);

    /// <summary>Writes the response as JSON: <c>errors</c>, then <c>data</c> with keys in selection order, then <c>extensions</c>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ResultJsonWriter.WriteResult(writer, this);
    }

    /// <summary>The response as a JSON string (for tests and logs), escaping only what JSON requires.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
