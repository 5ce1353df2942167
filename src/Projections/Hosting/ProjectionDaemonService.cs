using Microsoft.Extensions.Hosting;
using TaskForge.EventStore;
using TaskForge.Projections.Daemon;

namespace TaskForge.Projections.Hosting;

/// <summary>Migrates the store and the read models at start-up, then runs the daemon until shutdown.</summary>
internal sealed class ProjectionDaemonService(PostgresEventStore store, ProjectionDaemon daemon, bool runDaemon) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        if (runDaemon)
        {
            await daemon.StartAsync(cancellationToken);
        }
        else
        {
            await daemon.InitializeAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => daemon.StopAsync(cancellationToken);
}
