using Marten;
using Npgsql;
using TaskForge.Projections.Events;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Storage;
using TaskForge.Projections.Versions;
using TaskForge.Storage.EventStore;
using TaskForge.Storage.Wakeup;

namespace TaskForge.Bench.Projections;

/// <summary>A Marten store on its own schema with some read models registered, their tables created, and the daemon's progress.</summary>
internal sealed class BenchStore : IDisposable
{
    private BenchStore(DocumentStore store, ReadModelCatalog catalog, ProjectionProgress progress)
    {
        Store = store;
        Catalog = catalog;
        Progress = progress;
    }

    public DocumentStore Store { get; }

    public ReadModelCatalog Catalog { get; }

    public ProjectionProgress Progress { get; }

    public static async Task<BenchStore> CreateAsync(NpgsqlDataSource dataSource, string schema, IEnumerable<DomainProjection> projections, bool wakeUp, TimeSpan? wakeInterval = null)
    {
        var catalog = new ReadModelCatalog(schema, projections);
        var store = DocumentStore.For(o =>
        {
            o.Connection(dataSource);
            o.UseTaskForgeEventStore(new EventStoreSettings { Schema = schema, WakeOnAppend = wakeUp });
            o.AddTaskForgeProjections(catalog);
            if (wakeUp)
                o.UseAppendWakeups(dataSource, new AppendNotifier(dataSource, minimumInterval: wakeInterval));
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var database = new ReadModelDatabase(dataSource, schema);
        await new ReadModelVersions(database).EnsureAsync(catalog.Projections);
        return new BenchStore(store, catalog, new ProjectionProgress(database));
    }

    public async Task<long> ProgressionAsync(string projection) =>
        ProjectionProgress.Of(await Progress.ReadAsync(), Catalog.Projections.First(p => p.Name == projection).MartenName);

    public void Dispose() => Store.Dispose();
}
