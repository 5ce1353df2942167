namespace TaskForge.EventStore.Schema;

/// <summary>The event store's own tables. See docs/adr/0003 for the global order and 0004 for the schema.</summary>
public static class EventStoreMigrations
{
    public static MigrationSet Set { get; } = new("eventstore",
    [
        new Migration(1, "events", """
            CREATE TABLE {schema}.events (
                id bigint PRIMARY KEY,
                stream_id text NOT NULL,
                version bigint NOT NULL,
                event_id uuid NOT NULL,
                type text NOT NULL,
                data jsonb NOT NULL,
                metadata jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT clock_timestamp());
            CREATE UNIQUE INDEX events_event_id ON {schema}.events (event_id);
            CREATE UNIQUE INDEX events_stream_version ON {schema}.events (stream_id, version);

            -- The global event id is (top-level xid << 16) + ordinal within the transaction: ids of one transaction
            -- are contiguous and every later transaction's ids are larger than the current snapshot's xmin << 16.
            CREATE FUNCTION {schema}.next_event_id(n int) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
            DECLARE
                base bigint := pg_current_xact_id()::text::bigint << 16;
                first_free bigint;
            BEGIN
                SELECT max(id) + 1 INTO first_free FROM {schema}.events WHERE id >= base AND id < base + 65536;
                first_free := coalesce(first_free, base);
                IF first_free - base + n > 65536 THEN
                    RAISE EXCEPTION 'a transaction may append at most 65536 events' USING ERRCODE = '54000';
                END IF;
                RETURN first_free;
            END $$;

            CREATE FUNCTION {schema}.visible_horizon() RETURNS bigint LANGUAGE sql STABLE AS $$
                SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint << 16
            $$;
            """),
        new Migration(2, "checkpoints", """
            CREATE TABLE {schema}.checkpoints (
                name text PRIMARY KEY,
                position bigint NOT NULL,
                updated_at timestamptz NOT NULL DEFAULT now());
            """),
    ]);
}
