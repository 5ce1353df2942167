using TaskForge.EventStore.Schema;

namespace TaskForge.Projections.Daemon;

/// <summary>The daemon's control tables: generations per projection, parked events and rebuild progress.</summary>
public static class DaemonMigrations
{
    public static MigrationSet Set { get; } = new("projections",
    [
        new Migration(1, "control", """
            CREATE TABLE {schema}.projection_generations (
                projection text PRIMARY KEY,
                active_generation int NOT NULL,
                active_version int NOT NULL,
                building_generation int,
                building_version int,
                next_generation int NOT NULL,
                rebuild_requested boolean NOT NULL DEFAULT false,
                switched_at timestamptz);

            CREATE TABLE {schema}.projection_parked (
                projection text NOT NULL,
                generation int NOT NULL,
                position bigint NOT NULL,
                event_id uuid NOT NULL,
                stream_id text NOT NULL,
                event_type text NOT NULL,
                error text NOT NULL,
                attempts int NOT NULL,
                parked_at timestamptz NOT NULL DEFAULT now(),
                replay_requested boolean NOT NULL DEFAULT false,
                PRIMARY KEY (projection, generation, position));

            CREATE TABLE {schema}.projection_rebuilds (
                projection text NOT NULL,
                generation int NOT NULL,
                started_at timestamptz NOT NULL DEFAULT now(),
                finished_at timestamptz,
                events_done bigint NOT NULL DEFAULT 0,
                events_total bigint NOT NULL DEFAULT 0,
                events_per_second double precision NOT NULL DEFAULT 0,
                eta_seconds double precision,
                updated_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (projection, generation));
            """),
    ]);
}
