using System.Text.Json;
using TaskForge.Storage.Events;

namespace TaskForge.Api.Audit;

/// <summary>
/// One event of the log as auditors see it: where it sits (event id, stream, version), what it says (type, data as
/// stored) and its metadata (Marten's correlation and causation ids, TaskForge's headers). Data and headers stay the
/// JSON text PostgreSQL returns, so the export writes them without deserializing.
/// </summary>
public sealed record AuditEntry(
    long EventId,
    Guid Id,
    string Type,
    string StreamId,
    long Version,
    DateTimeOffset RecordedAt,
    string? CorrelationId,
    string? CausationId,
    string HeadersJson,
    string DataJson)
{
    private IReadOnlyDictionary<string, string?>? _headers;

    /// <summary>Every header as text (a non-string header value as its JSON).</summary>
    public IReadOnlyDictionary<string, string?> Headers => _headers ??= ParseHeaders(HeadersJson);

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public Guid? ActorId => Guid.TryParse(Header(EventHeaders.ActorId), out var actor) ? actor : null;

    /// <summary>When the command happened (its own clock), else when the event was stored.</summary>
    public DateTimeOffset OccurredAt =>
        DateTimeOffset.TryParse(Header(EventHeaders.OccurredAt), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind, out var at) ? at : RecordedAt;

    public string? ClientIp => Header(EventHeaders.ClientIp);

    public string? UserAgent => Header(EventHeaders.UserAgent);

    private static Dictionary<string, string?> ParseHeaders(string json)
    {
        var headers = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
            return headers;
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return headers;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            headers[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
        }

        return headers;
    }
}
