using System.Text.Json;

namespace TaskForge.EventStore.Appending;

internal static class MetadataJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(EventMetadata metadata) => JsonSerializer.Serialize(metadata, Options);

    public static EventMetadata Deserialize(string json) =>
        JsonSerializer.Deserialize<EventMetadata>(json, Options) ?? throw new InvalidDataException("event metadata is null");
}
