using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime.Hub;

/// <summary>
/// Server to client <c>Event</c> as it goes on the wire: the JSON of <see cref="EventMessage"/>. The part every
/// subscriber shares (all but the subscription id) is written once per event and kept on it; each send then only
/// copies it behind its own subscription id, instead of serializing the event again for each of its subscribers.
/// </summary>
[JsonConverter(typeof(EventFrameConverter))]
public sealed record EventFrame(string SubscriptionId, RealtimeEvent Event);

public sealed class EventFrameConverter : JsonConverter<EventFrame>
{
    private static readonly byte[] Opening = "{\"subscriptionId\":"u8.ToArray();

    public override EventFrame Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Event frames are only sent.");

    public override void Write(Utf8JsonWriter writer, EventFrame value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var shared = value.Event.SharedJson ??= SharedPart(value.Event);
        var id = JsonEncodedText.Encode(value.SubscriptionId).EncodedUtf8Bytes;
        var length = Opening.Length + id.Length + 2 + shared.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var span = buffer.AsSpan();
            Opening.CopyTo(span);
            var at = Opening.Length;
            span[at++] = (byte)'"';
            id.CopyTo(span[at..]);
            at += id.Length;
            span[at++] = (byte)'"';
            shared.CopyTo(span[at..]);
            writer.WriteRawValue(span[..length], skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><c>,"id":…,"data":{…}}</c>: the message's members after the subscription id, and the closing brace.</summary>
    private static byte[] SharedPart(RealtimeEvent e)
    {
        var output = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("id", e.Id.ToString(CultureInfo.InvariantCulture));
            json.WriteString("type", e.Type);
            json.WriteString("streamId", e.StreamId);
            json.WriteNumber("streamVersion", e.StreamVersion);
            json.WriteString("occurredAt", e.OccurredAt);
            WriteGuid(json, "actorId", e.ActorId);
            WriteGuid(json, "workspaceId", e.WorkspaceId);
            WriteGuid(json, "projectId", e.ProjectId);
            WriteGuid(json, "taskId", e.TaskId);
            json.WritePropertyName("data");
            e.Data.WriteTo(json);
            json.WriteEndObject();
        }

        // The object without its opening brace, behind a comma: it follows the subscription id.
        var written = output.WrittenSpan;
        var shared = new byte[written.Length];
        shared[0] = (byte)',';
        written[1..].CopyTo(shared.AsSpan(1));
        return shared;
    }

    private static void WriteGuid(Utf8JsonWriter json, string name, Guid? value)
    {
        if (value is { } id)
            json.WriteString(name, id);
        else
            json.WriteNull(name);
    }
}
