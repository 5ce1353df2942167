using System.Text.Json;
using System.Text.Json.Serialization;
using TaskForge.EventStore.Reading;

namespace TaskForge.EventStore.Serialization;

/// <summary>
/// Turns event objects into (type name, JSON) and back through a fixed map of stable type names, so stored
/// names never depend on CLR type names. The store itself knows nothing of the event types.
/// </summary>
public sealed class JsonEventSerializer
{
    private readonly IReadOnlyDictionary<string, Type> _typesByName;
    private readonly Dictionary<Type, string> _namesByType;

    public JsonEventSerializer(IReadOnlyDictionary<string, Type> typesByName)
    {
        _typesByName = typesByName;
        _namesByType = typesByName.ToDictionary(kv => kv.Value, kv => kv.Key);
    }

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string TypeName(object @event) =>
        _namesByType.TryGetValue(@event.GetType(), out var name)
            ? name
            : throw new ArgumentException($"{@event.GetType().FullName} has no registered event type name.", nameof(@event));

    public string Serialize(object @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    public bool IsKnown(string typeName) => _typesByName.ContainsKey(typeName);

    /// <summary>The event object of a recorded event; throws for an unknown type name.</summary>
    public object Deserialize(string typeName, string data) =>
        _typesByName.TryGetValue(typeName, out var type)
            ? JsonSerializer.Deserialize(data, type, Options) ?? throw new InvalidDataException($"event of type {typeName} is null")
            : throw new InvalidDataException($"unknown event type '{typeName}'");

    public object Deserialize(RecordedEvent recorded) => Deserialize(recorded.Type, recorded.Data);
}
