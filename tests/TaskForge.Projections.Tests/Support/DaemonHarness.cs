using TaskForge.EventStore;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.Rebuild;
using TaskForge.Projections.Storage;

namespace TaskForge.Projections.Tests.Support;

/// <summary>A schema of its own per test, a daemon factory over it, and its admin.</summary>
public sealed class DaemonHarness(PostgresEventStore store, Microsoft.Extensions.Logging.ILogger<ProjectionDaemon>? logger = null)
{
    public string Schema { get; } = "rm_" + Guid.NewGuid().ToString("N")[..12];

    public PostgresEventStore Store => store;

    public ProjectionAdmin Admin => new(Database);

    public ReadModelDatabase Database => new(store.DataSource, Schema, store.Schema);

    public ProjectionDaemonOptions Options(IProjectionFaultHook? hook = null) => new()
    {
        Schema = Schema,
        BatchSize = 100,
        TargetTransactionDuration = TimeSpan.FromSeconds(10), // fixed batch sizes, whatever the machine's load
        RetryDelay = TimeSpan.FromMilliseconds(5),
        LeaderRetryInterval = TimeSpan.FromMilliseconds(100),
        LockCheckInterval = TimeSpan.FromMilliseconds(100),
        ControlPollInterval = TimeSpan.FromMilliseconds(50),
        RestartDelay = TimeSpan.FromMilliseconds(20),
        FaultHook = hook,
    };

    public async Task<ProjectionDaemon> StartAsync(IEnumerable<IProjection> projections, IProjectionFaultHook? hook = null, PostgresEventStore? on = null)
    {
        var daemon = new ProjectionDaemon(on ?? store, projections, Options(hook), logger);
        await daemon.StartAsync();
        return daemon;
    }
}
