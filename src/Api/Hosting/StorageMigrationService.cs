using TaskForge.EventStore;

namespace TaskForge.Api.Hosting;

/// <summary>Brings the schema up to date before the host starts serving.</summary>
internal sealed class StorageMigrationService(PostgresEventStore store, ILogger<StorageMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await store.MigrateAsync(cancellationToken);
        logger.LogInformation("Schema {Schema} is up to date; applied {Migrations}", store.Schema, applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
