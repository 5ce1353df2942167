using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime.Hub;

/// <summary>
/// <c>Subscribe</c>'s argument. <see cref="After"/> is the last event id the client has (a string of digits, or a number),
/// or null for live events only. <see cref="Error"/> says what was wrong with the argument as sent (read by
/// <see cref="SubscribeRequestConverter"/>, which never fails to bind).
/// </summary>
[JsonConverter(typeof(SubscribeRequestConverter))]
public sealed record SubscribeRequest(IReadOnlyList<string>? Scopes, long? After) : IHubArgument
{
    public string? Error { get; init; }
}

/// <summary>Reads <c>{ scopes, after }</c> (names in any case) leniently (<see cref="HubArguments"/>); writes it with <c>after</c> as a string.</summary>
public sealed class SubscribeRequestConverter : HubArgumentConverter<SubscribeRequest>
{
    protected override string Shape => "{ scopes, after }";

    protected override SubscribeRequest Invalid(string error) => new(null, null) { Error = error };

    protected override SubscribeRequest ReadMembers(JsonElement obj, string? error)
    {
        var scopes = HubArguments.Strings(HubArguments.Member(obj, "scopes"), "scopes", ref error);
        var after = HubArguments.EventId(HubArguments.Member(obj, "after"), "after", ref error);
        return new SubscribeRequest(scopes, after) { Error = error };
    }

    protected override void WriteMembers(Utf8JsonWriter writer, SubscribeRequest value, JsonSerializerOptions options)
    {
        writer.WritePropertyName("scopes");
        JsonSerializer.Serialize(writer, value.Scopes, options);
        writer.WritePropertyName("after");
        new EventIdConverter().Write(writer, value.After, options);
    }
}

/// <summary>
/// <c>Subscribe</c>'s result: <c>{ subscriptionId, lastEventId, replayed }</c>, or <c>{ resyncRequired: true, reason }</c>.
/// Null members are left out of the JSON.
/// </summary>
public sealed record SubscribeResponse
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SubscriptionId { get; init; }

    [JsonConverter(typeof(EventIdConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? LastEventId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Replayed { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ResyncRequired { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}

/// <summary>Server to client <c>Event</c>: one event of the log, ids as strings of digits (ADR 0087).</summary>
public sealed record EventMessage(
    string Id, string SubscriptionId, string Type, string StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    Guid? ActorId, Guid? WorkspaceId, Guid? ProjectId, Guid? TaskId, JsonElement Data)
{
    public static EventMessage From(string subscriptionId, RealtimeEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id.ToString(CultureInfo.InvariantCulture), subscriptionId, e.Type, e.StreamId, e.StreamVersion, e.OccurredAt,
            e.ActorId, e.WorkspaceId, e.ProjectId, e.TaskId, e.Data);
    }
}

/// <summary>Server to client <c>Live</c>: the replay is done; everything visible up to <see cref="LastEventId"/> was sent.</summary>
public sealed record LiveMessage(string SubscriptionId, string LastEventId);

/// <summary>Server to client <c>SubscriptionEnded</c>.</summary>
public sealed record SubscriptionEndedMessage(string SubscriptionId, string Reason);

/// <summary>Reads an event id from a string of digits or a number; writes a string (JavaScript numbers lose 64-bit ids).</summary>
public sealed class EventIdConverter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => reader.GetInt64(),
        JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        _ => throw new JsonException("An event id is a string of digits."),
    };

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } id)
            writer.WriteStringValue(id.ToString(CultureInfo.InvariantCulture));
        else
            writer.WriteNullValue();
    }
}
