using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Projections;
using TaskForge.Projections.Events;

namespace TaskForge.Projections.Runtime;

/// <summary>
/// One version of a <see cref="DomainProjection"/> as a Marten projection: the daemon hands it a page of events, it
/// plans their statements and queues them on the daemon's session, which commits them with the progression. A
/// <see cref="ProgressionFence"/> makes the commit fail when the batch's progression write did not land.
/// </summary>
public sealed class ReadModelProjection(DomainProjection projection, string schema) : IProjection
{
    public DomainProjection Projection { get; } = projection;

    public ProjectionTables Tables { get; } = new(schema, projection.Version);

    /// <summary>The daemon's call: queues the page's statements and fences the batch on its progression write.</summary>
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (Queue(operations, events) > 0 && operations is ITransactionParticipantRegistrar batch)
            batch.AddTransactionParticipant(new ProgressionFence(ProgressionTable(operations), Projection.MartenName + ":All"));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Queues the statements of <paramref name="events"/> on a session of the caller's, outside a daemon batch (a
    /// dead-letter replay): no progression is written there, so there is no fence. Returns how many statements.
    /// </summary>
    public int Queue(IDocumentOperations operations, IReadOnlyList<IEvent> events)
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
        return sql.Count;
    }

    private static string ProgressionTable(IDocumentOperations operations) =>
        $"{operations.DocumentStore.Options.Events.DatabaseSchemaName}.mt_event_progression";
}
