using Microsoft.Extensions.Hosting;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Versions;

namespace TaskForge.Projections.Hosting;

/// <summary>
/// Creates the read models' tables and views while the host is starting, before any hosted service starts (Marten's
/// daemon among them), so the daemon never writes to a table that is not there yet.
/// </summary>
internal sealed class ReadModelSchemaService(ReadModelCatalog catalog, ReadModelVersions versions) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => versions.EnsureAsync(catalog.Projections, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
