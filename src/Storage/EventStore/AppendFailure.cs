using System.Net.Sockets;
using JasperFx.Events;
using Npgsql;

namespace TaskForge.Storage.EventStore;

/// <summary>What a failed Marten append means for the caller.</summary>
public enum AppendFailureKind
{
    /// <summary>Another writer appended first (a stale expected version, or two first appends of one new stream).</summary>
    VersionConflict,

    /// <summary>An event id is already stored: another try of the same idempotency key took it.</summary>
    EventIdReused,

    /// <summary>The connection broke before the answer came: the append may or may not have committed.</summary>
    OutcomeUnknown,
}

public static class AppendFailure
{
    /// <summary>The unique index Marten creates on event ids (<c>EnableUniqueIndexOnEventId</c>).</summary>
    public const string EventIdIndex = "idx_mt_events_event_id";

    /// <summary>
    /// Classifies an exception from <c>SaveChangesAsync</c>; null for failures that are none of these (a bug, a bad value).
    /// Marten reports a stale version as <see cref="EventStreamUnexpectedMaxEventIdException"/>, but two first appends of
    /// one new stream as a unique violation on mt_streams (or, in a race, on the (stream, version) key of mt_events).
    /// </summary>
    public static AppendFailureKind? Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case EventStreamUnexpectedMaxEventIdException or ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException
                    or JasperFx.ConcurrencyException:
                    return AppendFailureKind.VersionConflict;
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: EventIdIndex }:
                    return AppendFailureKind.EventIdReused;
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                    return AppendFailureKind.VersionConflict;
                case PostgresException postgres when IsConnectionLoss(postgres):
                    return AppendFailureKind.OutcomeUnknown;
                case PostgresException:
                    return null;
                case NpgsqlException or IOException or SocketException or TimeoutException:
                    return AppendFailureKind.OutcomeUnknown;
            }
        }

        return null;
    }

    /// <summary>True when the exception (or one it wraps) says the database went away, for now: a retry later may work.</summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return IsConnectionLoss(postgres) || postgres.IsTransient;
                case NpgsqlException npgsql when npgsql.IsTransient:
                case IOException or SocketException or TimeoutException:
                    return true;
            }
        }

        return false;
    }

    // The server ended the session (shutdown, crash of another backend, 57P01-57P03) or the connection failed (08xxx):
    // whatever was in flight may or may not have committed.
    private static bool IsConnectionLoss(PostgresException postgres) =>
        postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
}
