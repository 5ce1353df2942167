using System.Buffers;
using System.Text.Json;
using MessagePack;

namespace TaskForge.Realtime.Hub.MessagePackProtocol;

/// <summary>
/// Converts between JSON and MessagePack value by value: objects to maps with string keys, arrays to arrays, strings to
/// strings, integral numbers to integers, other numbers to doubles, true/false/null to their MessagePack forms. So a
/// MessagePack client gets exactly the members, names and value types of the JSON contract.
/// </summary>
public static class JsonMessagePackTranscoder
{
    /// <summary>Writes a JSON value as one MessagePack value.</summary>
    public static void Write(ref MessagePackWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var count = 0;
                foreach (var _ in value.EnumerateObject())
                    count++;
                writer.WriteMapHeader(count);
                foreach (var member in value.EnumerateObject())
                {
                    writer.Write(member.Name);
                    Write(ref writer, member.Value);
                }

                break;
            case JsonValueKind.Array:
                writer.WriteArrayHeader(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                    Write(ref writer, item);
                break;
            case JsonValueKind.String:
                writer.Write(value.GetString());
                break;
            case JsonValueKind.Number:
                if (value.TryGetInt64(out var integer))
                    writer.Write(integer);
                else if (value.TryGetUInt64(out var unsigned))
                    writer.Write(unsigned);
                else
                    writer.Write(value.GetDouble());
                break;
            case JsonValueKind.True:
                writer.Write(true);
                break;
            case JsonValueKind.False:
                writer.Write(false);
                break;
            default:
                writer.WriteNil();
                break;
        }
    }

    /// <summary>Reads one MessagePack value as JSON. Map keys must be strings; binary and extension values are refused.</summary>
    public static byte[] ReadAsJson(ref MessagePackReader reader)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(output))
        {
            Read(ref reader, json, depth: 0);
        }

        return output.WrittenSpan.ToArray();
    }

    private static void Read(ref MessagePackReader reader, Utf8JsonWriter json, int depth)
    {
        if (depth > 64)
            throw new MessagePackSerializationException("The value is nested more than 64 levels deep.");
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var members = reader.ReadMapHeader();
                json.WriteStartObject();
                for (var i = 0; i < members; i++)
                {
                    if (reader.NextMessagePackType != MessagePackType.String)
                        throw new MessagePackSerializationException("Map keys must be strings.");
                    json.WritePropertyName(reader.ReadString()!);
                    Read(ref reader, json, depth + 1);
                }

                json.WriteEndObject();
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                json.WriteStartArray();
                for (var i = 0; i < items; i++)
                    Read(ref reader, json, depth + 1);
                json.WriteEndArray();
                break;
            case MessagePackType.String:
                json.WriteStringValue(reader.ReadString());
                break;
            case MessagePackType.Integer:
                if (reader.NextCode == MessagePackCode.UInt64)
                    json.WriteNumberValue(reader.ReadUInt64());
                else
                    json.WriteNumberValue(reader.ReadInt64());
                break;
            case MessagePackType.Float:
                json.WriteNumberValue(reader.ReadDouble());
                break;
            case MessagePackType.Boolean:
                json.WriteBooleanValue(reader.ReadBoolean());
                break;
            case MessagePackType.Nil:
                reader.ReadNil();
                json.WriteNullValue();
                break;
            default:
                throw new MessagePackSerializationException($"A {reader.NextMessagePackType} value has no JSON form in this contract.");
        }
    }
}
