using System.Text.Json;
using System.Text.Json.Serialization;

namespace TaskForge.Storage.Events;

/// <summary>
/// The JSON shape of stored events and documents: web defaults (camelCase) and enums as their names, so the stored log
/// reads the same as the API and never depends on enum ordinals.
/// </summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
