using System.Globalization;
using CsvHelper;

namespace TaskForge.Api.Audit;

/// <summary>
/// CSV (RFC 4180, through CsvHelper): a header, one record per audit entry with data and headers as JSON text, and a
/// last record whose type is <c>$manifest</c> and whose data column holds the manifest as JSON (ADR 0113).
/// </summary>
internal sealed class CsvExportWriter : IExportWriter
{
    public const string ManifestType = "$manifest";

    public static readonly string[] Columns =
    [
        "eventId", "id", "type", "streamId", "version", "occurredAt", "recordedAt", "actorId", "correlationId", "causationId",
        "clientIp", "userAgent", "headers", "data",
    ];

    private readonly CsvWriter _csv;

    public CsvExportWriter(Stream body)
    {
        // Injection escaping stays off: an audit export must hold the data exactly as stored.
        _csv = CsvWriter.Create(body, CsvWriterOptions.Default, leaveOpen: true);
        _csv.WriteHeader(Columns);
    }

    public string ContentType => "text/csv; charset=utf-8";

    public ValueTask WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _csv.WriteField(entry.EventId.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(entry.Id.ToString());
        _csv.WriteField(entry.Type);
        _csv.WriteField(entry.StreamId);
        _csv.WriteField(entry.Version.ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(entry.OccurredAt.ToString("O", CultureInfo.InvariantCulture));
        _csv.WriteField(entry.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
        _csv.WriteField(AuditEntryJson.ActorId(entry));
        _csv.WriteField(entry.CorrelationId);
        _csv.WriteField(entry.CausationId);
        _csv.WriteField(entry.ClientIp);
        _csv.WriteField(entry.UserAgent);
        _csv.WriteField(entry.HeadersJson);
        _csv.WriteField(entry.DataJson);
        return _csv.EndRecordAsync(cancellationToken);
    }

    public async ValueTask FinishAsync(ExportManifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var last = manifest.LastEventId?.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < Columns.Length; i++)
        {
            _csv.WriteField(Columns[i] switch
            {
                "eventId" => last,
                "type" => ManifestType,
                "data" => ExportManifestJson.ToJson(manifest),
                _ => null,
            });
        }

        await _csv.EndRecordAsync(cancellationToken);
        await _csv.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
