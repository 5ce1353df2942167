using Npgsql;
using TaskForge.EventStore.Schema;
using TaskForge.EventStore.Subscriptions;

namespace TaskForge.EventStore;

/// <summary>
/// The event store over PostgreSQL: append with expected version, read a stream, read all in the one global
/// order, subscribe (catch-up then live). Split by concern into partial files.
/// </summary>
public sealed partial class PostgresEventStore : IAsyncDisposable
{
    private readonly string _eventsTable;

    public PostgresEventStore(NpgsqlDataSource dataSource, EventStoreOptions? options = null)
    {
        DataSource = dataSource;
        Options = options ?? new EventStoreOptions();
        Schema = SchemaName.Validate(Options.Schema);
        _eventsTable = $"{Schema}.events";
        Watcher = new LogWatcher(dataSource, Schema, Options.PollInterval);
        Checkpoints = new Checkpoints.CheckpointStore(dataSource, Schema);
        _appendSql = BuildAppendSql();
        _readAllSql = BuildReadAllSql();
    }

    public NpgsqlDataSource DataSource { get; }

    public EventStoreOptions Options { get; }

    public string Schema { get; }

    public Checkpoints.CheckpointStore Checkpoints { get; }

    /// <summary>Wakes subscribers: LISTEN/NOTIFY across processes, in-process signals, and the polling fallback.</summary>
    public LogWatcher Watcher { get; }

    /// <summary>
    /// A data source for the store: sessions use generic plans for prepared statements. The append's custom plans
    /// (PostgreSQL's default for the first executions, and for good whenever they look cheaper) re-plan a five-part
    /// statement on every call, which measured at about half the append throughput (ADR 6). Only prepared statements
    /// are affected; unprepared ones are planned per call as always.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options)
            ? GenericPlansOption
            : builder.Options + " " + GenericPlansOption;
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>The session option <see cref="CreateDataSource"/> adds.</summary>
    public const string GenericPlansOption = "-c plan_cache_mode=force_generic_plan";

    /// <summary>Creates or upgrades the store's schema (safe to call from several nodes at once).</summary>
    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) =>
        Migrator.ApplyAsync(DataSource, Schema, [EventStoreMigrations.Set], cancellationToken);

    public ValueTask DisposeAsync() => Watcher.DisposeAsync();
}
