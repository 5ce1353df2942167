using TaskForge.EventStore;

namespace TaskForge.Testing;

/// <summary>A migrated event store on a fresh database for one test class.</summary>
public class EventStoreFixture : PostgresDatabaseFixture
{
    private PostgresEventStore? _store;

    public PostgresEventStore Store => _store ?? throw new InvalidOperationException("The fixture is not initialised.");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _store = new PostgresEventStore(DataSource, new EventStoreOptions { PollInterval = TimeSpan.FromMilliseconds(200) });
        await _store.MigrateAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
