using Marten;
using Npgsql;
using TaskForge.Storage.Local;

namespace TaskForge.Api.Hosting;

/// <summary>
/// Stops the embedded PostgreSQL when the API stops, if this process started it (a cluster that was already running,
/// from another `dotnet run`, is left to its owner). It stops in the host's last phase (StoppedAsync), after Marten's
/// daemon and Wolverine have stopped, and after the daemon's wake-up has stopped listening and the pool's idle
/// connections are closed, so the graceful stop has no session to wait for and cuts none.
/// </summary>
internal sealed class EmbeddedPostgresLifetime(
    LocalPostgresCluster cluster, NpgsqlDataSource dataSource, IDocumentStore store, ILogger<EmbeddedPostgresLifetime> logger)
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

        // Marten's LISTEN wake-up (ADR 0073) keeps its connection until the store is disposed, which comes after this
        // phase: stopping the server first cut it, and it logged a warning on every stop. The daemon has stopped, so
        // nothing waits on it any more; Marten's Dispose is idempotent.
        if (store is DocumentStore { Options.Projections.Wakeup: IDisposable wakeup })
            wakeup.Dispose();

        dataSource.Clear();
        // The host's shutdown token may already be spent; the stop must finish or the postmaster outlives the API.
        if (await cluster.StopGracefullyAsync(Graceful, CancellationToken.None))
            logger.LogInformation("Stopped the embedded PostgreSQL in {DataDirectory}", cluster.DataDirectory);
    }
}
