using System.Text.Json;
using TaskForge.GraphQL.Json;

namespace TaskForge.GraphQL;

/// <summary>
/// One part of an incrementally delivered response, in graphql-js 17's format (docs/adr/0038): the first part is
/// the initial result with <c>pending</c> and <c>hasNext</c>; later parts carry <c>pending</c>,
/// <c>incremental</c>, <c>completed</c> and <c>hasNext</c>. An operation without active @defer/@stream is one
/// part: its plain result.
/// </summary>
public sealed class IncrementalPart
{
    private IncrementalPart(
        ExecutionResult? initial, IReadOnlyList<PendingResult> pending, IReadOnlyList<IncrementalEntry> incremental,
        IReadOnlyList<CompletedResult> completed, bool hasNext, bool isPlain)
    {
        Initial = initial;
        Pending = pending;
        Incremental = incremental;
        Completed = completed;
        HasNext = hasNext;
        IsPlain = isPlain;
    }

    /// <summary>The initial result (first part only).</summary>
    public ExecutionResult? Initial { get; }

    public IReadOnlyList<PendingResult> Pending { get; }

    public IReadOnlyList<IncrementalEntry> Incremental { get; }

    public IReadOnlyList<CompletedResult> Completed { get; }

    public bool HasNext { get; }

    /// <summary>A complete result, nothing deferred: written without <c>pending</c> or <c>hasNext</c>.</summary>
    public bool IsPlain { get; }

    public static IncrementalPart Plain(ExecutionResult result) => new(result, [], [], [], false, true);

    internal static IncrementalPart First(ExecutionResult result, IReadOnlyList<PendingResult> pending) => new(result, pending, [], [], true, false);

    internal static IncrementalPart Subsequent(
        IReadOnlyList<PendingResult> pending, IReadOnlyList<IncrementalEntry> incremental, IReadOnlyList<CompletedResult> completed, bool hasNext) =>
        new(null, pending, incremental, completed, hasNext, false);

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (IsPlain)
        {
            Initial!.WriteTo(writer);
            return;
        }

        writer.WriteStartObject();
        if (Initial is not null)
        {
            if (Initial.Errors is { } errors)
            {
                writer.WritePropertyName("errors");
                ResultJsonWriter.WriteErrors(writer, errors);
            }

            writer.WritePropertyName("data");
            ResultJsonWriter.WriteValue(writer, Initial.Data);
        }

        if (Pending.Count > 0 || Initial is not null)
        {
            writer.WriteStartArray("pending");
            foreach (var pending in Pending)
            {
                writer.WriteStartObject();
                writer.WriteString("id", pending.Id);
                writer.WritePropertyName("path");
                ResultJsonWriter.WriteValue(writer, pending.Path);
                if (pending.Label is not null)
                {
                    writer.WriteString("label", pending.Label);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (Incremental.Count > 0)
        {
            writer.WriteStartArray("incremental");
            foreach (var entry in Incremental)
            {
                entry.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        if (Completed.Count > 0)
        {
            writer.WriteStartArray("completed");
            foreach (var completed in Completed)
            {
                writer.WriteStartObject();
                writer.WriteString("id", completed.Id);
                if (completed.Errors is { Count: > 0 } errors)
                {
                    writer.WritePropertyName("errors");
                    ResultJsonWriter.WriteErrors(writer, errors);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteBoolean("hasNext", HasNext);
        writer.WriteEndObject();
    }

    /// <summary>The part as a JSON string (for tests and logs).</summary>
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
