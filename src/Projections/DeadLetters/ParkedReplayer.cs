using Microsoft.Extensions.Logging;
using Npgsql;
using TaskForge.Projections.Daemon;

namespace TaskForge.Projections.DeadLetters;

/// <summary>
/// Applies parked events an admin asked to replay, on the leader's runner so they never race the live batches. A
/// replay that succeeds removes the event from the dead-letter table in the same transaction as its rows.
/// </summary>
internal sealed class ParkedReplayer(DaemonContext context, IProjection projection, ProjectionTables tables)
{
    /// <summary>Replays what is requested and returns how many events stay parked.</summary>
    public async Task<long> ReplayRequestedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var position in await context.Parked.RequestedAsync(connection, projection.Name, tables.Generation, cancellationToken))
        {
            await ReplayAsync(connection, position, cancellationToken);
        }

        return await context.Parked.CountAsync(connection, projection.Name, tables.Generation, cancellationToken);
    }

    private async Task ReplayAsync(NpgsqlConnection connection, long position, CancellationToken cancellationToken)
    {
        var page = await context.Store.ReadAllAsync(connection, position - 1, 1, cancellationToken);
        if (page.Events is not [var recorded] || recorded.Position != position)
        {
            context.Logger.LogWarning("Parked event at {Position} of projection {Projection} is not in the log", position, projection.Name);
            return;
        }

        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (!await context.Parked.ClaimAsync(connection, transaction, projection.Name, tables.Generation, position, cancellationToken))
            {
                return;
            }

            await projection.ApplyAsync(new ProjectionBatch([recorded], tables), connection, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            context.Logger.LogInformation("Projection {Projection} replayed parked event {EventId} at {Position}", projection.Name, recorded.EventId, position);
        }
        catch (Exception e) when (BatchApplier.IsEventFailure(e, connection, cancellationToken))
        {
            context.Logger.LogWarning(e, "Replay of parked event {EventId} at {Position} failed again", recorded.EventId, position);
            await context.Parked.FailReplayAsync(projection.Name, tables.Generation, position, e, cancellationToken);
        }
    }
}
