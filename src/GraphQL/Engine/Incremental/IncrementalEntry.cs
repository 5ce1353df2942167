using System.Text.Json;
using TaskForge.GraphQL.Json;

namespace TaskForge.GraphQL;

/// <summary>A deferred fragment or a stream the client is told to expect: its id, where it goes, its label.</summary>
public sealed record PendingResult(string Id, IReadOnlyList<object> Path, string? Label);

/// <summary>A deferred or streamed record that ended: with errors when it failed and delivered no (more) data.</summary>
public sealed record CompletedResult(string Id, IReadOnlyList<GraphQLError>? Errors = null);

/// <summary>Data of a deferred fragment (at <c>path + subPath</c>) or items of a stream (appended to its list).</summary>
public sealed class IncrementalEntry
{
    internal IncrementalEntry(string id, object? data, IReadOnlyList<object?>? items, IReadOnlyList<object>? subPath, IReadOnlyList<GraphQLError>? errors)
    {
        Id = id;
        Data = data;
        Items = items;
        SubPath = subPath;
        Errors = errors;
    }

    public string Id { get; }

    /// <summary>The fragment's new fields (null for a stream entry).</summary>
    public object? Data { get; }

    /// <summary>The stream's next items (null for a defer entry).</summary>
    public IReadOnlyList<object?>? Items { get; }

    public IReadOnlyList<object>? SubPath { get; }

    public IReadOnlyList<GraphQLError>? Errors { get; internal set; }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        if (Errors is { Count: > 0 } errors)
        {
            writer.WritePropertyName("errors");
            ResultJsonWriter.WriteErrors(writer, errors);
        }

        if (Items is not null)
        {
            writer.WritePropertyName("items");
            ResultJsonWriter.WriteValue(writer, Items);
        }
        else
        {
            writer.WritePropertyName("data");
            ResultJsonWriter.WriteValue(writer, Data);
        }

        if (SubPath is { Count: > 0 } subPath)
        {
            writer.WritePropertyName("subPath");
            ResultJsonWriter.WriteValue(writer, subPath);
        }

        writer.WriteEndObject();
    }
}
