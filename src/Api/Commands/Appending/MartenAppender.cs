using JasperFx.Events;
using Marten;
using Npgsql;
using TaskForge.Storage.EventStore;

namespace TaskForge.Api.Commands.Appending;

/// <summary>
/// Appends through Marten with the version the decision was made on: Marten's expected version is the stream's
/// version after the append, and the database refuses it when another writer got there first (guarantee 1).
/// </summary>
internal sealed class MartenAppender : IEventAppender
{
    public static MartenAppender Instance { get; } = new();

    public async Task<AppendOutcome> AppendAsync(
        IDocumentSession session, string streamId, long decidedVersion, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        StreamClaim.Queue(session, streamId, decidedVersion, [.. events.Select(e => e.Id)]);
        session.Events.Append(streamId, decidedVersion + events.Count, [.. events]);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (Classify(e) is { } outcome)
        {
            return outcome;
        }

        return new AppendOutcome.Stored(decidedVersion + events.Count, [.. events.Select(x => x.Sequence)]);
    }

    private static AppendOutcome? Classify(Exception e) => IsStaleCache(e) ? new AppendOutcome.StaleCache() : ClaimRefusal(e) ?? AppendFailure.Classify(e) switch
    {
        AppendFailureKind.VersionConflict => new AppendOutcome.Conflict(),
        AppendFailureKind.EventIdReused => new AppendOutcome.IdsReused(e.Message),
        AppendFailureKind.OutcomeUnknown => new AppendOutcome.Unknown(e.Message),
        _ => null,
    };

    private static AppendOutcome? ClaimRefusal(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException { SqlState: StreamClaim.StaleSqlState }:
                    return new AppendOutcome.Conflict();
                case PostgresException { SqlState: StreamClaim.IdsStoredSqlState } stored:
                    return new AppendOutcome.IdsReused(stored.MessageText);
            }
        }

        return null;
    }

    private static bool IsStaleCache(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is PostgresException { SqlState: Loading.StreamVersionCheck.SqlState })
                return true;
        }

        return false;
    }
}
