using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Projections;
using TaskForge.Projections.Events;

namespace TaskForge.Projections.Runtime;

/// <summary>
/// One version of a <see cref="DomainProjection"/> as a Marten projection: the daemon hands it a page of events, it
/// plans their statements and queues them on the daemon's session, which commits them with the progression.
/// </summary>
public sealed class ReadModelProjection(DomainProjection projection, string schema) : IProjection
{
    public DomainProjection Projection { get; } = projection;

    public ProjectionTables Tables { get; } = new(schema, projection.Version);

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(events);
        var sql = new SqlBatch();
        foreach (var e in events)
        {
            if (!Projection.Handles(e.Data))
                continue;
            try
            {
                Projection.Plan(new ProjectedEvent(e), Tables, sql);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Marten's daemon dead-letters an event and goes on without it only when the failure names the event
                // (ADR 0076); any other exception pauses the whole projection. Nothing is queued before the page is planned.
                throw new ApplyEventException(e, failure);
            }
        }

        sql.QueueOn(operations);
        return Task.CompletedTask;
    }
}
