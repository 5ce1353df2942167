using System.Globalization;
using System.Text.Json;
using TaskForge.Api.Schema;

namespace TaskForge.Api.Audit;

/// <summary>
/// An audit entry as one JSON object, with the field names of the GraphQL <c>AuditEntry</c> (the actor as its global
/// User id): what each NDJSON line of an export holds. Data and headers are written as PostgreSQL stored them.
/// </summary>
public static class AuditEntryJson
{
    public static void Write(Utf8JsonWriter writer, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        writer.WriteStartObject();
        writer.WriteString("eventId", entry.EventId.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("id", entry.Id);
        writer.WriteString("type", entry.Type);
        writer.WriteString("streamId", entry.StreamId);
        writer.WriteNumber("version", entry.Version);
        writer.WriteString("occurredAt", entry.OccurredAt);
        writer.WriteString("recordedAt", entry.RecordedAt);
        writer.WritePropertyName("data");
        // jsonb's own text: valid JSON, so the writer need not parse it again.
        writer.WriteRawValue(entry.DataJson, skipInputValidation: true);
        writer.WriteStartObject("metadata");
        writer.WriteString("actorId", ActorId(entry));
        writer.WriteString("correlationId", entry.CorrelationId);
        writer.WriteString("causationId", entry.CausationId);
        writer.WriteString("clientIp", entry.ClientIp);
        writer.WriteString("userAgent", entry.UserAgent);
        writer.WritePropertyName("headers");
        writer.WriteRawValue(entry.HeadersJson, skipInputValidation: true);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The actor as the API names users everywhere: a global User id.</summary>
    public static string? ActorId(AuditEntry entry) => entry?.ActorId is { } actor ? GlobalId.User(actor) : null;
}
