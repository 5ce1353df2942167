using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace TaskForge.Api.Audit;

/// <summary>
/// NDJSON: one audit entry per line (<see cref="AuditEntryJson"/>), then a last line <c>{"manifest": {...}}</c>. Written
/// to the response's pipe and flushed every <see cref="FlushEvery"/> entries, so memory stays small at any size.
/// </summary>
internal sealed class NdjsonExportWriter(PipeWriter pipe) : IExportWriter
{
    private const int FlushEvery = 256;
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Utf8JsonWriter _json = new(pipe, new JsonWriterOptions { SkipValidation = true });
    private int _unflushed;

    public string ContentType => "application/x-ndjson; charset=utf-8";

    public async ValueTask WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        AuditEntryJson.Write(_json, entry);
        EndLine();
        if (++_unflushed >= FlushEvery)
        {
            _unflushed = 0;
            await pipe.FlushAsync(cancellationToken);
        }
    }

    public async ValueTask FinishAsync(ExportManifest manifest, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        _json.WritePropertyName("manifest");
        ExportManifestJson.Write(_json, manifest);
        _json.WriteEndObject();
        EndLine();
        await pipe.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();

    private void EndLine()
    {
        _json.Flush();
        pipe.Write(NewLine);
        _json.Reset(pipe);
    }
}
