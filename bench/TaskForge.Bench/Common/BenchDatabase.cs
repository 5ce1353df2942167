using Npgsql;
using TaskForge.Storage.EventStore;
using TaskForge.Storage.Local;

namespace TaskForge.Bench.Common;

/// <summary>
/// The benchmark's PostgreSQL: TASKFORGE_BENCH_PG when set, otherwise a fresh local cluster with the default
/// (durable) settings, removed afterwards.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster? _cluster;

    private BenchDatabase(string connectionString, LocalPostgresCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    public string Description => (_cluster is null
        ? "PostgreSQL from TASKFORGE_BENCH_PG"
        : "a local PostgreSQL 15 cluster started by the benchmark (fsync on, synchronous_commit on, shared_buffers 256MB)") +
        $", session options `{new NpgsqlConnectionStringBuilder(ConnectionString).Options}`, Npgsql auto-prepare of up to " +
        $"{new NpgsqlConnectionStringBuilder(ConnectionString).MaxAutoPrepare} statements";

    public static async Task<BenchDatabase> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("TASKFORGE_BENCH_PG") is { Length: > 0 } configured)
        {
            return new BenchDatabase(configured, null);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-bench-{Guid.NewGuid():N}");
        var cluster = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: true);
        // The session options the API host's data source uses (the idle-in-transaction backstop).
        var builder = new NpgsqlConnectionStringBuilder(TaskForgeDataSource.WithSessionOptions(cluster.ConnectionString())) { MaxPoolSize = 100 };
        if (Environment.GetEnvironmentVariable("TASKFORGE_BENCH_PG_OPTIONS") is { } options)
        {
            builder.Options = options;
        }

        return new BenchDatabase(builder.ConnectionString, cluster);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
