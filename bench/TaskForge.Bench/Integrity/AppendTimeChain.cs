using Npgsql;

namespace TaskForge.Bench.Integrity;

/// <summary>
/// The alternative the ADR weighs: a hash written at append time, by a trigger on mt_events that links each event to
/// its workspace chain's head row, locked until the append commits (a chain in commit order needs that lock). Only
/// per-workspace chains: a global chain at append time would lock one row for every append in the store.
/// </summary>
internal sealed class AppendTimeChain(NpgsqlDataSource dataSource, string schema)
{
    public async Task InstallAsync()
    {
        await ExecuteAsync($$"""
            CREATE TABLE IF NOT EXISTS {{schema}}.bench_append_heads (chain_key text PRIMARY KEY, seq bigint NOT NULL, head bytea NOT NULL);
            CREATE TABLE IF NOT EXISTS {{schema}}.bench_append_links (seq bigint PRIMARY KEY, chain_key text NOT NULL, prev_seq bigint NOT NULL, digest bytea NOT NULL, link bytea NOT NULL);
            CREATE OR REPLACE FUNCTION {{schema}}.bench_chain_at_append() RETURNS trigger LANGUAGE plpgsql AS $f$
            DECLARE
                k text := coalesce(NEW.headers ->> 'workspace-id', '$none');
                h record;
                d bytea;
                l bytea;
            BEGIN
                INSERT INTO {{schema}}.bench_append_heads VALUES (k, 0, decode(repeat('00', 32), 'hex')) ON CONFLICT DO NOTHING;
                SELECT seq, head INTO h FROM {{schema}}.bench_append_heads WHERE chain_key = k FOR UPDATE;
                d := sha256(convert_to(NEW.data::text || NEW.type || NEW.stream_id || NEW.version::text || coalesce(NEW.headers::text, ''), 'UTF8'));
                l := sha256(h.head || int8send(NEW.seq_id) || d);
                INSERT INTO {{schema}}.bench_append_links VALUES (NEW.seq_id, k, h.seq, d, l);
                UPDATE {{schema}}.bench_append_heads SET seq = NEW.seq_id, head = l WHERE chain_key = k;
                RETURN NULL;
            END $f$;
            """);
    }

    public Task EnableAsync() => ExecuteAsync(
        $"CREATE TRIGGER bench_chain_at_append AFTER INSERT ON {schema}.mt_events FOR EACH ROW EXECUTE FUNCTION {schema}.bench_chain_at_append()");

    public Task DisableAsync() => ExecuteAsync($"DROP TRIGGER IF EXISTS bench_chain_at_append ON {schema}.mt_events");

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
