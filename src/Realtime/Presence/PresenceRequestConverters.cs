using System.Text.Json;
using TaskForge.Realtime.Hub;

namespace TaskForge.Realtime.Presence;

/// <summary>Reads <c>{ scope }</c> leniently (<see cref="HubArguments"/>).</summary>
public sealed class PresenceRequestConverter : HubArgumentConverter<PresenceRequest>
{
    protected override string Shape => "{ scope }";

    protected override PresenceRequest Invalid(string error) => new(null) { Error = error };

    protected override PresenceRequest ReadMembers(JsonElement obj, string? error)
    {
        var scope = HubArguments.String(HubArguments.Member(obj, "scope"), "scope", ref error);
        return new PresenceRequest(scope) { Error = error };
    }

    protected override void WriteMembers(Utf8JsonWriter writer, PresenceRequest value, JsonSerializerOptions options) =>
        writer.WriteString("scope", value.Scope);
}

/// <summary>Reads <c>{ taskId, typing }</c> leniently (<see cref="HubArguments"/>).</summary>
public sealed class TypingRequestConverter : HubArgumentConverter<TypingRequest>
{
    protected override string Shape => "{ taskId, typing }";

    protected override TypingRequest Invalid(string error) => new(null, false) { Error = error };

    protected override TypingRequest ReadMembers(JsonElement obj, string? error)
    {
        var taskId = HubArguments.String(HubArguments.Member(obj, "taskId"), "taskId", ref error);
        var typing = HubArguments.Boolean(HubArguments.Member(obj, "typing"), "typing", ref error);
        return new TypingRequest(taskId, typing) { Error = error };
    }

    protected override void WriteMembers(Utf8JsonWriter writer, TypingRequest value, JsonSerializerOptions options)
    {
        writer.WriteString("taskId", value.TaskId);
        writer.WriteBoolean("typing", value.Typing);
    }
}
