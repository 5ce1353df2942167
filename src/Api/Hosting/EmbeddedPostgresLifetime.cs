using Npgsql;
using TaskForge.Storage.Local;

namespace TaskForge.Api.Hosting;

/// <summary>
/// Stops the embedded PostgreSQL when the API stops, if this process started it (a cluster that was already running,
/// from another `dotnet run`, is left to its owner). It stops in the host's last phase (StoppedAsync), after Marten's
/// daemon and Wolverine have stopped, and after the pool's idle connections are closed, so the graceful stop has no
/// session to wait for.
/// </summary>
internal sealed class EmbeddedPostgresLifetime(LocalPostgresCluster cluster, NpgsqlDataSource dataSource, ILogger<EmbeddedPostgresLifetime> logger)
    : IHostedLifecycleService
{
    private static readonly TimeSpan Graceful = TimeSpan.FromSeconds(5);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (!cluster.StartedByThisProcess)
        {
            logger.LogInformation("Leaving the embedded PostgreSQL in {DataDirectory} running: another process started it", cluster.DataDirectory);
            return;
        }

        dataSource.Clear();
        // The host's shutdown token may already be spent; the stop must finish or the postmaster outlives the API.
        if (await cluster.StopGracefullyAsync(Graceful, CancellationToken.None))
            logger.LogInformation("Stopped the embedded PostgreSQL in {DataDirectory}", cluster.DataDirectory);
    }
}
