using TaskForge.EventStore;

namespace TaskForge.Api.Hosting;

/// <summary>Brings the schema up to date before the host starts serving.</summary>
internal sealed class StorageMigrationService(PostgresEventStore store, IConfiguration configuration, ILogger<StorageMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue<bool>("TaskForge:SkipMigrations"))
        {
            logger.LogWarning("TaskForge:SkipMigrations is set: the schema is not checked at start-up");
            return;
        }

        var applied = await store.MigrateAsync(cancellationToken);
        logger.LogInformation("Schema {Schema} is up to date; applied {Migrations}", store.Schema, applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
