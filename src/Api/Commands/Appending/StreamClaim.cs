using Marten;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;

namespace TaskForge.Api.Commands.Appending;

/// <summary>
/// The command's claim on its stream, run in the append's transaction before Marten's append (ADR 0144): it locks the
/// stream's row, so concurrent writers of one stream queue here; then refuses the append when one of its event ids is
/// already stored (<see cref="IdsStoredSqlState"/>: the first try of the same idempotency key committed) or when the
/// stream is not at the version the command decided on (<see cref="StaleSqlState"/>). Refused here, an append takes no
/// sequence number, and the daemon has no rolled-back gap to wait out before certifying the events after it.
/// </summary>
public static class StreamClaim
{
    /// <summary>The stream has moved on: CONFLICT, or decide again for a retryable command.</summary>
    public const string StaleSqlState = "TF412";

    /// <summary>An event id of the append is stored: the first try of this idempotency key committed.</summary>
    public const string IdsStoredSqlState = "TF208";

    private const string FunctionName = "tf_claim_stream";

    public static Function SchemaObject(string schema) => new(new PostgresqlObjectName(schema, FunctionName, SchemaUtils.IdentifierUsage.Function), $$"""
        CREATE OR REPLACE FUNCTION {{schema}}.{{FunctionName}}(claimed text, expected bigint, event_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $function$
        DECLARE
            current bigint;
        BEGIN
            SELECT version INTO current FROM {{schema}}.mt_streams WHERE id = claimed FOR UPDATE;
            IF EXISTS (SELECT 1 FROM {{schema}}.mt_events WHERE id = ANY(event_ids)) THEN
                RAISE EXCEPTION 'an event of this append is already stored in stream %', claimed USING ERRCODE = '{{IdsStoredSqlState}}';
            END IF;
            IF coalesce(current, 0) <> expected THEN
                RAISE EXCEPTION 'stream % is at version %, not %', claimed, coalesce(current, 0), expected USING ERRCODE = '{{StaleSqlState}}';
            END IF;
        END;
        $function$;
        """);

    /// <summary>Queues the claim on the session; call it before <c>Events.Append</c>.</summary>
    public static void Queue(IDocumentSession session, string streamId, long decidedVersion, IReadOnlyList<Guid> eventIds)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(eventIds);
        session.QueueOperation(new BeforeAppendSql(
            $"SELECT {session.DocumentStore.Options.Events.DatabaseSchemaName}.{FunctionName}(?, ?, ?)",
            (streamId, NpgsqlDbType.Text), (decidedVersion, NpgsqlDbType.Bigint), (eventIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid)));
    }
}
