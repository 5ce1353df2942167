using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using TaskForge.Api.Commands.Appending;
using TaskForge.Api.Commands.Loading;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Runtime;
using TaskForge.Storage.EventLog;
using TaskForge.Storage.EventStore;
using TaskForge.Storage.Logging;
using TaskForge.Storage.Wakeup;
using Wolverine.Marten;

namespace TaskForge.Api.Hosting;

public static class MartenExtensions
{
    /// <summary>
    /// Marten on <paramref name="connectionString"/>: TaskForge's event store, the read models as async projections run
    /// by the daemon (HotCold: one node at a time, ADR 0075), Wolverine's outbox in the same database, and the
    /// coalesced wake-up that keeps commit-to-projection latency low (ADR 0073).
    /// </summary>
    public static IServiceCollection AddTaskForgeMarten(this IServiceCollection services, string connectionString, TaskForgeStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var catalog = new ReadModelCatalog(options.Schema, ReadModels.All());
        var settings = options.EventStore with { Schema = options.Schema };
        services.AddSingleton(_ => TaskForgeDataSource.Create(connectionString));
        services.AddSingleton(sp => new AppendNotifier(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetService<ILogger<AppendNotifier>>(), settings.WakeInterval));
        services.AddSingleton(sp => new HighWaterMark(sp.GetRequiredService<NpgsqlDataSource>(), options.Schema));
        services.AddSingleton(sp => new LogEnd(sp.GetRequiredService<NpgsqlDataSource>(), options.Schema));
        services.AddSingleton<EventLogReader>();
        services.AddTaskForgeReadModels(catalog);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        var marten = services.AddMarten(sp =>
        {
            var store = new StoreOptions();
            var dataSource = sp.GetRequiredService<NpgsqlDataSource>();
            store.Connection(dataSource);
            store.UseTaskForgeEventStore(settings);
            store.AddTaskForgeProjections(catalog);
            // Conflicts and unique violations the callers turn into typed results are not errors (ADR 0143).
            store.Logger(new MartenFailureLogger(
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Marten"), [.. MartenFailureLogger.HandledByCallers, StreamVersionCheck.SqlState, StreamClaim.StaleSqlState, StreamClaim.IdsStoredSqlState]));

            // Fail-over in about a second: a standby node asks for the projections' locks every second (Marten: 5 s), and
            // a paused projection (a batch that failed to commit) is restarted after a second's health check (5 s).
            store.Projections.LeadershipPollingTime = 1000;
            store.Projections.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
            if (settings.WakeOnAppend)
                store.UseAppendWakeups(dataSource, sp.GetRequiredService<AppendNotifier>(), sp.GetService<ILogger<AppendNotifier>>());

            return store;
        })
            .UseLightweightSessions()
            // The event tables, progression and Wolverine's envelope tables exist before the host serves, not on first use.
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(wolverine => wolverine.MessageStorageSchemaName = options.Schema);
        marten.AddAsyncDaemon(options.RunProjections ? DaemonMode.HotCold : DaemonMode.Disabled);
        return services;
    }
}
