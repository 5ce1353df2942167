using Microsoft.Extensions.Logging;
using TaskForge.EventStore;
using TaskForge.Projections.DeadLetters;

namespace TaskForge.Projections.Daemon;

/// <summary>What every part of one daemon shares: the store, the read-model schema, settings and logging.</summary>
internal sealed class DaemonContext
{
    public DaemonContext(PostgresEventStore store, ProjectionDaemonOptions options, ILogger logger)
    {
        Store = store;
        Options = options;
        Logger = logger;
        Schema = EventStore.Schema.SchemaName.Validate(options.Schema ?? store.Schema);
        Registry = new GenerationRegistry(store.DataSource, Schema);
        Parked = new ParkedEventStore(store.DataSource, Schema);
    }

    public PostgresEventStore Store { get; }

    public ProjectionDaemonOptions Options { get; }

    public ILogger Logger { get; }

    public string Schema { get; }

    public GenerationRegistry Registry { get; }

    public ParkedEventStore Parked { get; }

    public string CheckpointName(string projection, int generation) => CheckpointNames.For(Schema, projection, generation);

    public Task FaultAsync(ProjectionFaultPoint point, string projection, Npgsql.NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Options.FaultHook?.OnAsync(point, projection, connection, cancellationToken) ?? Task.CompletedTask;
}
