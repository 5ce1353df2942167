using Npgsql;
using TaskForge.EventStore;
using TaskForge.EventStore.Local;

namespace TaskForge.Api.Hosting;

public static class StorageExtensions
{
    /// <summary>
    /// Registers the PostgreSQL data source and the event store. The connection string is
    /// <c>ConnectionStrings:TaskForge</c>; when none is configured, a local cluster is started (and reused on the next
    /// run) under <c>TaskForge:DataDirectory</c> (default <c>.taskforge/</c> in the working directory).
    /// </summary>
    public static async Task<WebApplicationBuilder> AddTaskForgeStorageAsync(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("TaskForge");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.GetFullPath(builder.Configuration["TaskForge:DataDirectory"] ?? ".taskforge");
            var cluster = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: false);
            builder.Services.AddSingleton(cluster);
            connectionString = cluster.ConnectionString();
            Console.WriteLine($"TaskForge: no ConnectionStrings:TaskForge configured; started the embedded PostgreSQL in {folder} on port {cluster.Port}.");
        }

        builder.Services.AddSingleton(_ => PostgresEventStore.CreateDataSource(connectionString));
        builder.Services.AddSingleton(services => new PostgresEventStore(
            services.GetRequiredService<NpgsqlDataSource>(),
            builder.Configuration.GetSection("TaskForge:EventStore").Get<EventStoreOptions>() ?? new EventStoreOptions()));
        builder.Services.AddHostedService<StorageMigrationService>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }
}
