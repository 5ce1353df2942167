using System.Text.Json;
using System.Text.Json.Serialization;
using TaskForge.Realtime.Hub;

namespace TaskForge.Realtime.Presence;

/// <summary>Reads <c>{ scope }</c> leniently (<see cref="HubArguments"/>).</summary>
public sealed class PresenceRequestConverter : JsonConverter<PresenceRequest>
{
    public override PresenceRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (!HubArguments.IsObject(root, "{ scope }", out var error))
            return new PresenceRequest(null) { Error = error };
        var scope = HubArguments.String(HubArguments.Member(root, "scope"), "scope", ref error);
        return new PresenceRequest(scope) { Error = error };
    }

    public override void Write(Utf8JsonWriter writer, PresenceRequest value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("scope", value.Scope);
        writer.WriteEndObject();
    }
}

/// <summary>Reads <c>{ taskId, typing }</c> leniently (<see cref="HubArguments"/>).</summary>
public sealed class TypingRequestConverter : JsonConverter<TypingRequest>
{
    public override TypingRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (!HubArguments.IsObject(root, "{ taskId, typing }", out var error))
            return new TypingRequest(null, false) { Error = error };
        var taskId = HubArguments.String(HubArguments.Member(root, "taskId"), "taskId", ref error);
        var typing = HubArguments.Boolean(HubArguments.Member(root, "typing"), "typing", ref error);
        return new TypingRequest(taskId, typing) { Error = error };
    }

    public override void Write(Utf8JsonWriter writer, TypingRequest value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("taskId", value.TaskId);
        writer.WriteBoolean("typing", value.Typing);
        writer.WriteEndObject();
    }
}
