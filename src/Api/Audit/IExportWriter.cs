namespace TaskForge.Api.Audit;

/// <summary>One export format: entries written as they are read, then the manifest; flushed as it goes.</summary>
internal interface IExportWriter : IAsyncDisposable
{
    string ContentType { get; }

    ValueTask WriteAsync(AuditEntry entry, CancellationToken cancellationToken);

    ValueTask FinishAsync(ExportManifest manifest, CancellationToken cancellationToken);
}
