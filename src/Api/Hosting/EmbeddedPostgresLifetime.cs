using TaskForge.Storage.Local;

namespace TaskForge.Api.Hosting;

/// <summary>
/// Stops the embedded PostgreSQL when the API stops, if this process started it (a cluster that was already running,
/// from another `dotnet run`, is left to its owner). Registered first, so it stops last: after Marten's daemon and
/// Wolverine have let go of their connections.
/// </summary>
internal sealed class EmbeddedPostgresLifetime(LocalPostgresCluster cluster, ILogger<EmbeddedPostgresLifetime> logger) : IHostedService
{
    private static readonly TimeSpan Graceful = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!cluster.StartedByThisProcess)
        {
            logger.LogInformation("Leaving the embedded PostgreSQL in {DataDirectory} running: another process started it", cluster.DataDirectory);
            return;
        }

        // The host's shutdown token may already be spent; the stop must finish or the postmaster outlives the API.
        if (await cluster.StopGracefullyAsync(Graceful, CancellationToken.None))
            logger.LogInformation("Stopped the embedded PostgreSQL in {DataDirectory}", cluster.DataDirectory);
    }
}
