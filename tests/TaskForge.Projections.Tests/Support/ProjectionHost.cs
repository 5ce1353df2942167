using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TaskForge.Projections.Events;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Runtime;
using TaskForge.Storage.EventStore;

namespace TaskForge.Projections.Tests.Support;

/// <summary>
/// A process's worth of TaskForge storage: Marten on the given database, the read models as async projections run by
/// Marten's daemon (HotCold: one node at a time across hosts on the same database), and the readers.
/// </summary>
public static class ProjectionHost
{
    public static async Task<IHost> StartAsync(
        string connectionString,
        string schema,
        IEnumerable<DomainProjection>? projections = null,
        DaemonMode mode = DaemonMode.HotCold,
        Action<StoreOptions>? configure = null,
        EventStoreSettings? settings = null,
        ILoggerProvider? logger = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (logger is not null)
            builder.Logging.AddProvider(logger);
        if (Environment.GetEnvironmentVariable("TASKFORGE_TEST_LOG") is not null)
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
        var catalog = new ReadModelCatalog(schema, projections ?? TaskForge.Projections.Hosting.ReadModels.All());
        var eventStore = (settings ?? new EventStoreSettings()) with { Schema = schema };
        builder.Services.AddSingleton(_ => TaskForgeDataSource.Create(connectionString));
        builder.Services.AddTaskForgeReadModels(catalog);
        builder.Services.AddMarten(services =>
        {
            var options = new StoreOptions();
            options.Connection(services.GetRequiredService<NpgsqlDataSource>());
            options.UseTaskForgeEventStore(eventStore);
            options.AddTaskForgeProjections(catalog);
            options.Projections.LeadershipPollingTime = 200;
            // A shard paused by a failure (a lost connection, a failed commit) is restarted after this; Marten's 5 s
            // default would make every crash test wait that long.
            options.Projections.HealthCheckPollingTime = TimeSpan.FromMilliseconds(500);
            options.Projections.AgentPauseTime = TimeSpan.FromMilliseconds(250);
            configure?.Invoke(options);
            return options;
        }).AddAsyncDaemon(mode);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
