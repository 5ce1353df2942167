using Microsoft.Extensions.Logging;
using Npgsql;
using TaskForge.EventStore.Reading;

namespace TaskForge.Projections.Daemon;

/// <summary>
/// Applies events of one generation with exactly-once effect: the checkpoint moves (compare-and-set) in the same
/// transaction as the rows. A batch that fails is split into single events; an event that fails every attempt is parked.
/// </summary>
internal sealed class BatchApplier(DaemonContext context, IProjection projection, ProjectionTables tables)
{
    private readonly string _checkpointName = context.CheckpointName(projection.Name, tables.Generation);

    public string CheckpointName => _checkpointName;

    /// <summary>Applies the events after <paramref name="checkpoint"/> and returns the new checkpoint.</summary>
    public async Task<long> ApplyAsync(NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, long? checkpoint, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        if (events.Count == 1)
        {
            return await ApplyOneAsync(connection, events[0], checkpoint, cancellationToken);
        }

        try
        {
            await CommitAsync(connection, events, checkpoint, null, cancellationToken);
            return events[^1].Position;
        }
        catch (Exception e) when (IsEventFailure(e, connection, cancellationToken))
        {
            context.Logger.LogWarning(e, "Projection {Projection} failed on a batch of {Count} events after {Checkpoint}; applying them one by one",
                projection.Name, events.Count, checkpoint);
        }

        var current = checkpoint;
        foreach (var recorded in events)
        {
            current = await ApplyOneAsync(connection, recorded, current, cancellationToken);
        }

        return current!.Value;
    }

    private async Task<long> ApplyOneAsync(NpgsqlConnection connection, RecordedEvent recorded, long? checkpoint, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CommitAsync(connection, [recorded], checkpoint, null, cancellationToken);
                return recorded.Position;
            }
            catch (Exception e) when (IsEventFailure(e, connection, cancellationToken))
            {
                if (attempt >= context.Options.MaxAttempts)
                {
                    context.Logger.LogError(e, "Projection {Projection} parks event {EventId} at {Position} of stream {StreamId} after {Attempts} attempts",
                        projection.Name, recorded.EventId, recorded.Position, recorded.StreamId, attempt);
                    await CommitAsync(connection, [], checkpoint, (recorded, e, attempt), cancellationToken);
                    Telemetry.ProjectionMetrics.EventsParked.Add(1, Telemetry.ProjectionMetrics.Tag(projection.Name));
                    return recorded.Position;
                }

                await Task.Delay(context.Options.RetryDelay * attempt, cancellationToken);
            }
        }
    }

    private async Task CommitAsync(
        NpgsqlConnection connection, IReadOnlyList<RecordedEvent> events, long? checkpoint,
        (RecordedEvent Event, Exception Error, int Attempts)? park, CancellationToken cancellationToken)
    {
        var next = park?.Event.Position ?? events[^1].Position;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The checkpoint moves first: its row lock makes a second runner (a leader that lost its lock and does not
        // know yet) wait here and then fail the compare-and-set, instead of colliding on read-model rows.
        if (!await context.Store.Checkpoints.TryStoreAsync(connection, transaction, _checkpointName, checkpoint, next, cancellationToken))
        {
            throw new ProjectionLeadershipLostException(projection.Name, checkpoint);
        }

        await context.FaultAsync(ProjectionFaultPoint.BeforeApply, projection.Name, connection, cancellationToken);
        if (events.Count > 0)
        {
            await projection.ApplyAsync(new ProjectionBatch(events, tables), connection, transaction, cancellationToken);
        }

        if (park is var (parked, error, attempts))
        {
            await context.Parked.ParkAsync(connection, transaction, projection.Name, tables.Generation, parked, error, attempts, cancellationToken);
        }

        await context.FaultAsync(ProjectionFaultPoint.BeforeCommit, projection.Name, connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await context.FaultAsync(ProjectionFaultPoint.AfterCommit, projection.Name, connection, cancellationToken);
    }

    /// <summary>
    /// An exception caused by the events (the projection threw, or PostgreSQL refused its statements) as opposed to a
    /// lost connection, a shutdown or a lost leadership, which stop the runner and leave the events to its successor.
    /// </summary>
    internal static bool IsEventFailure(Exception e, NpgsqlConnection connection, CancellationToken cancellationToken) =>
        e is not ProjectionLeadershipLostException
        && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested)
        && connection.FullState == System.Data.ConnectionState.Open
        && !(e is NpgsqlException { IsTransient: true } && e is not PostgresException);
}
