using Marten;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;

namespace TaskForge.Api.Commands.Loading;

/// <summary>
/// The check an append carries for the context streams a command decided on from the state cache without reading them
/// (ADR 0125): a function, created with Marten's schema, that raises <see cref="SqlState"/> when a stream's version in
/// <c>mt_streams</c> is no longer the version its cached state was built from. The append's transaction then rolls back.
/// </summary>
public static class StreamVersionCheck
{
    /// <summary>The SQLSTATE the check raises; the command reads the streams and decides again.</summary>
    public const string SqlState = "TF409";

    private const string FunctionName = "tf_assert_stream_versions";

    public static Function SchemaObject(string schema) => new(new PostgresqlObjectName(schema, FunctionName, SchemaUtils.IdentifierUsage.Function), $$"""
        CREATE OR REPLACE FUNCTION {{schema}}.{{FunctionName}}(stream_ids text[], versions bigint[]) RETURNS void LANGUAGE plpgsql AS $function$
        DECLARE
            stale text;
        BEGIN
            SELECT expected.id INTO stale
            FROM unnest(stream_ids, versions) AS expected(id, version)
            LEFT JOIN {{schema}}.mt_streams AS s ON s.id = expected.id
            WHERE s.version IS DISTINCT FROM expected.version
            LIMIT 1;
            IF stale IS NOT NULL THEN
                RAISE EXCEPTION 'stream % changed after the state this command decided on was cached', stale USING ERRCODE = '{{SqlState}}';
            END IF;
        END;
        $function$;
        """);

    /// <summary>Queues the check on the append's session; it runs in the append's transaction, before the append (ADR 0144).</summary>
    public static void Queue(IDocumentSession session, IReadOnlyList<(string StreamId, long Version)> streams)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(streams);
        session.QueueOperation(new Appending.BeforeAppendSql(
            $"SELECT {session.DocumentStore.Options.Events.DatabaseSchemaName}.{FunctionName}(?, ?)",
            (streams.Select(s => s.StreamId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            (streams.Select(s => s.Version).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint)));
    }
}
