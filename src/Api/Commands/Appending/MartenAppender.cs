using System.Net.Sockets;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace TaskForge.Api.Commands.Appending;

/// <summary>
/// Appends through Marten with the version the decision was made on: Marten's expected version is the stream's
/// version after the append, and the database refuses it when another writer got there first (guarantee 1).
/// </summary>
internal sealed class MartenAppender : IEventAppender
{
    /// <summary>The unique index Marten creates on event ids (<c>EnableUniqueIndexOnEventId</c>).</summary>
    private const string EventIdIndex = "idx_mt_events_event_id";

    public static MartenAppender Instance { get; } = new();

    public async Task<AppendOutcome> AppendAsync(
        IDocumentSession session, string streamId, long decidedVersion, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
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

    private static AppendOutcome? Classify(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case EventStreamUnexpectedMaxEventIdException or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException or JasperFx.ConcurrencyException:
                    return new AppendOutcome.Conflict();
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: EventIdIndex } unique:
                    return new AppendOutcome.IdsReused(unique.MessageText);
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                    return new AppendOutcome.Conflict();
                case PostgresException:
                    return null;
                case NpgsqlException or IOException or SocketException or TimeoutException:
                    return new AppendOutcome.Unknown(current.Message);
            }
        }

        return null;
    }
}
