using System.Collections.Concurrent;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;
using MessagePack.Resolvers;

namespace TaskForge.Realtime.Hub.MessagePackProtocol;

/// <summary>
/// MessagePack for the hub's contract types (every type of this assembly): each is written through its JSON form, with
/// the JSON protocol's own serializer options, and transcoded; so both protocols carry the same members under the same
/// names, converters included (string event ids, the shared event frame). Other types (strings, numbers) are MessagePack's
/// standard ones.
/// </summary>
public sealed class JsonBridgeResolver(JsonSerializerOptions json) : IFormatterResolver
{
    private readonly ConcurrentDictionary<Type, object?> _formatters = new();

    public IMessagePackFormatter<T>? GetFormatter<T>() =>
        (IMessagePackFormatter<T>?)_formatters.GetOrAdd(typeof(T), type =>
            type.Assembly == typeof(JsonBridgeResolver).Assembly ? new JsonBridgeFormatter<T>(json) : StandardResolver.Instance.GetFormatter<T>());

    private sealed class JsonBridgeFormatter<T>(JsonSerializerOptions json) : IMessagePackFormatter<T>
    {
        public void Serialize(ref MessagePackWriter writer, T value, MessagePackSerializerOptions options) =>
            JsonMessagePackTranscoder.Write(ref writer, JsonSerializer.SerializeToElement(value, json));

        public T Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
        {
            try
            {
                return JsonSerializer.Deserialize<T>(JsonMessagePackTranscoder.ReadAsJson(ref reader), json)!;
            }
            catch (JsonException e)
            {
                throw new MessagePackSerializationException($"Not a valid {typeof(T).Name}: {e.Message}", e);
            }
        }
    }
}
