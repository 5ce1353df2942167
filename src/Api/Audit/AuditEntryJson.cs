using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TaskForge.Api.Schema;

namespace TaskForge.Api.Audit;

/// <summary>
/// An audit entry as one JSON object, with the field names of the GraphQL <c>AuditEntry</c> (the actor as its global
/// User id): what each NDJSON line of an export holds. Data and headers are written as PostgreSQL stored them. Property
/// names are encoded once and ids formatted on the stack: this runs once per exported event.
/// </summary>
public static class AuditEntryJson
{
    private const int MaxCachedActors = 10_000;
    private static readonly ConcurrentDictionary<Guid, string> ActorIds = new();
    private static readonly JsonEncodedText EventIdName = JsonEncodedText.Encode("eventId");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText TypeName = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText StreamIdName = JsonEncodedText.Encode("streamId");
    private static readonly JsonEncodedText VersionName = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText OccurredAtName = JsonEncodedText.Encode("occurredAt");
    private static readonly JsonEncodedText RecordedAtName = JsonEncodedText.Encode("recordedAt");
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText MetadataName = JsonEncodedText.Encode("metadata");
    private static readonly JsonEncodedText ActorIdName = JsonEncodedText.Encode("actorId");
    private static readonly JsonEncodedText CorrelationIdName = JsonEncodedText.Encode("correlationId");
    private static readonly JsonEncodedText CausationIdName = JsonEncodedText.Encode("causationId");
    private static readonly JsonEncodedText ClientIpName = JsonEncodedText.Encode("clientIp");
    private static readonly JsonEncodedText UserAgentName = JsonEncodedText.Encode("userAgent");
    private static readonly JsonEncodedText HeadersName = JsonEncodedText.Encode("headers");

    public static void Write(Utf8JsonWriter writer, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        Span<char> eventId = stackalloc char[20];
        entry.EventId.TryFormat(eventId, out var length, default, CultureInfo.InvariantCulture);
        writer.WriteStartObject();
        writer.WriteString(EventIdName, eventId[..length]);
        writer.WriteString(IdName, entry.Id);
        writer.WriteString(TypeName, entry.Type);
        writer.WriteString(StreamIdName, entry.StreamId);
        writer.WriteNumber(VersionName, entry.Version);
        writer.WriteString(OccurredAtName, entry.OccurredAt);
        writer.WriteString(RecordedAtName, entry.RecordedAt);
        writer.WritePropertyName(DataName);
        // jsonb's own text: valid JSON, so the writer need not parse it again.
        writer.WriteRawValue(entry.DataJson, skipInputValidation: true);
        writer.WriteStartObject(MetadataName);
        writer.WriteString(ActorIdName, ActorId(entry));
        writer.WriteString(CorrelationIdName, entry.CorrelationId);
        writer.WriteString(CausationIdName, entry.CausationId);
        writer.WriteString(ClientIpName, entry.ClientIp);
        writer.WriteString(UserAgentName, entry.UserAgent);
        writer.WritePropertyName(HeadersName);
        writer.WriteRawValue(entry.HeadersJson, skipInputValidation: true);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The actor as the API names users everywhere: a global User id (the few actors of a log are encoded once).</summary>
    public static string? ActorId(AuditEntry entry)
    {
        if (entry?.ActorId is not { } actor)
            return null;
        if (ActorIds.TryGetValue(actor, out var id))
            return id;
        if (ActorIds.Count >= MaxCachedActors)
            ActorIds.Clear();
        return ActorIds[actor] = GlobalId.User(actor);
    }
}
