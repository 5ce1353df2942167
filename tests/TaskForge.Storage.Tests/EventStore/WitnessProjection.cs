using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace TaskForge.Storage.Tests.EventStore;

/// <summary>Records every event it is given, in the order given, in a table of its own (in the daemon's transaction).</summary>
internal sealed class WitnessProjection(string table) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
            operations.QueueSqlCommand($"INSERT INTO {table} (seq) VALUES (?)", e.Sequence);
        return Task.CompletedTask;
    }
}
