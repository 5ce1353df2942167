using Npgsql;
using TaskForge.EventStore.Local;

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
        (Environment.GetEnvironmentVariable("TASKFORGE_BENCH_PG_OPTIONS") is { Length: > 0 } options ? $", session options `{options}`" : "");

    public static async Task<BenchDatabase> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("TASKFORGE_BENCH_PG") is { Length: > 0 } configured)
        {
            return new BenchDatabase(configured, null);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-bench-{Guid.NewGuid():N}");
        var cluster = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: true);
        var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString()) { MaxPoolSize = 100 };
        if (Environment.GetEnvironmentVariable("TASKFORGE_BENCH_PG_OPTIONS") is { Length: > 0 } options)
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
