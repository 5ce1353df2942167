using Marten;
using Npgsql;
using TaskForge.Projections.Admin;
using TaskForge.Projections.Versions;
using TaskForge.Storage.EventStore;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Support;

/// <summary>
/// One test's own schema on its class's database: the Marten log there, a store to append with (no daemon), and reads
/// of the read models and Marten's progression straight from the database (they outlive every node).
/// </summary>
public sealed class DaemonScope : IAsyncDisposable
{
    private DaemonScope(string connectionString, NpgsqlDataSource dataSource, string schema, DocumentStore store)
    {
        ConnectionString = connectionString;
        DataSource = dataSource;
        Schema = schema;
        Store = store;
    }

    public string ConnectionString { get; }

    public string Schema { get; }

    /// <summary>Appends only: this store runs no daemon.</summary>
    public DocumentStore Store { get; }

    public NpgsqlDataSource DataSource { get; }

    public ProjectionProgress Progress => new(new Storage.ReadModelDatabase(DataSource, Schema));

    public static Task<DaemonScope> CreateAsync(PostgresDatabaseFixture database, string prefix = "d")
    {
        ArgumentNullException.ThrowIfNull(database);
        return CreateAsync(database.ConnectionString, database.DataSource, prefix);
    }

    public static async Task<DaemonScope> CreateAsync(string connectionString, NpgsqlDataSource dataSource, string prefix = "d")
    {
        var schema = prefix + "_" + Guid.NewGuid().ToString("N")[..10];
        var store = DocumentStore.For(options =>
        {
            options.Connection(TaskForgeDataSource.WithSessionOptions(connectionString));
            options.UseTaskForgeEventStore(new EventStoreSettings { Schema = schema });
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new DaemonScope(connectionString, dataSource, schema, store);
    }

    public Task<DaemonNode> StartNodeAsync(string name, IEnumerable<Events.DomainProjection> projections, Xunit.Abstractions.ITestOutputHelper? output = null,
        JasperFx.Events.Daemon.DaemonMode mode = JasperFx.Events.Daemon.DaemonMode.HotCold, Action<StoreOptions>? configure = null) =>
        DaemonNode.StartAsync(ConnectionString, Schema, name, projections, output, mode, configure);

    public Task<long> HeadAsync() => TestLog.HeadAsync(DataSource, Schema);

    /// <summary>How far Marten's progression row of one projection version is (0 before its first batch).</summary>
    public async Task<long> ProgressionAsync(string martenName) => ProjectionProgress.Of(await Progress.ReadAsync(), martenName);

    /// <summary>Waits until every given projection version has applied the log's last event.</summary>
    public async Task CaughtUpAsync(params string[] martenNames)
    {
        var head = await HeadAsync();
        await Projected.UntilAsync(async () =>
        {
            var rows = await Progress.ReadAsync();
            return martenNames.All(n => ProjectionProgress.Of(rows, n) >= head);
        }, $"{string.Join(", ", martenNames)} to reach {head}");
    }

    public Task<List<T>> ColumnAsync<T>(string sql) => TestLog.ColumnAsync<T>(DataSource, sql);

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        return ValueTask.CompletedTask;
    }
}
