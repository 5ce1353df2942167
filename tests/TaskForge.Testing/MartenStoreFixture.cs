using Marten;
using Npgsql;
using TaskForge.Storage.EventStore;

namespace TaskForge.Testing;

/// <summary>
/// TaskForge's Marten event store on a fresh database for one test class, its tables created. The store has no daemon
/// of its own; tests that need projections start a host or a daemon on it.
/// </summary>
public class MartenStoreFixture : PostgresDatabaseFixture
{
    private DocumentStore? _store;
    private NpgsqlDataSource? _martenDataSource;

    public DocumentStore Store => _store ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The data source Marten uses (with the idle-in-transaction backstop set on its sessions).</summary>
    public NpgsqlDataSource MartenDataSource => _martenDataSource ?? throw new InvalidOperationException("The fixture is not initialised.");

    public EventStoreSettings Settings { get; protected init; } = new();

    /// <summary>Further configuration of the store (projections, listeners), applied after TaskForge's own.</summary>
    protected virtual void Configure(StoreOptions options)
    {
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _martenDataSource = TaskForgeDataSource.Create(ConnectionString);
        _store = DocumentStore.For(options =>
        {
            options.Connection(_martenDataSource);
            options.UseTaskForgeEventStore(Settings);
            Configure(options);
        });
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    /// <summary>A new store on this database with TaskForge's configuration (e.g. a second node, or other settings).</summary>
    public DocumentStore CreateStore(Action<StoreOptions>? configure = null, NpgsqlDataSource? dataSource = null) =>
        DocumentStore.For(options =>
        {
            options.Connection(dataSource ?? MartenDataSource);
            options.UseTaskForgeEventStore(Settings);
            Configure(options);
            configure?.Invoke(options);
        });

    public override async Task DisposeAsync()
    {
        _store?.Dispose();
        if (_martenDataSource is not null)
        {
            await _martenDataSource.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
