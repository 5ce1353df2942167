using System.Buffers;
using System.Text.Json;
using TaskForge.GraphQL.Json;

namespace TaskForge.GraphQL.WebSockets;

/// <summary>Serializes the server's protocol messages to UTF-8 JSON frames.</summary>
internal static class GraphQLWsMessageWriter
{
    public static ReadOnlyMemory<byte> ConnectionAck(IReadOnlyDictionary<string, object?>? payload) =>
        Write(GraphQLWsMessageTypes.ConnectionAck, null, payload is null ? null : w => ResultJsonWriter.WriteValue(w, payload));

    public static ReadOnlyMemory<byte> Pong(IReadOnlyDictionary<string, object?>? payload) =>
        Write(GraphQLWsMessageTypes.Pong, null, payload is null ? null : w => ResultJsonWriter.WriteValue(w, payload));

    public static ReadOnlyMemory<byte> Next(string id, ExecutionResult result) =>
        Write(GraphQLWsMessageTypes.Next, id, result.WriteTo);

    public static ReadOnlyMemory<byte> Next(string id, IncrementalPart part) =>
        Write(GraphQLWsMessageTypes.Next, id, part.WriteTo);

    public static ReadOnlyMemory<byte> Error(string id, IReadOnlyList<GraphQLError> errors) =>
        Write(GraphQLWsMessageTypes.Error, id, w => ResultJsonWriter.WriteErrors(w, errors));

    public static ReadOnlyMemory<byte> Complete(string id) => Write(GraphQLWsMessageTypes.Complete, id, null);

    private static ReadOnlyMemory<byte> Write(string type, string? id, Action<Utf8JsonWriter>? writePayload)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is not null)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("type", type);
            if (writePayload is not null)
            {
                writer.WritePropertyName("payload");
                writePayload(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
