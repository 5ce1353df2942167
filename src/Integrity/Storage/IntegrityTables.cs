using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace TaskForge.Integrity.Storage;

/// <summary>
/// The chain's tables beside Marten's: one link per event, the latest signed checkpoint per chain, and signed redactions.
/// They are Weasel schema objects, so Marten creates and migrates them with its own tables.
/// </summary>
internal sealed class IntegrityTables(string schema)
{
    public string Schema { get; } = schema;
    public string Events { get; } = $"{schema}.mt_events";
    public string Links { get; } = $"{schema}.mt_integrity_links";
    public string Checkpoints { get; } = $"{schema}.mt_integrity_checkpoints";
    public string Redactions { get; } = $"{schema}.mt_integrity_redactions";

    public IEnumerable<ISchemaObject> SchemaObjects()
    {
        var links = new Table(new PostgresqlObjectName(Schema, "mt_integrity_links", SchemaUtils.IdentifierUsage.General));
        links.AddColumn<long>("seq").AsPrimaryKey();
        links.AddColumn<Guid>("event_id").NotNull();
        links.AddColumn<string>("stream_id").NotNull();
        links.AddColumn<long>("version").NotNull();
        links.AddColumn<string>("chain_key").NotNull();
        // 0 for the first event of its chain.
        links.AddColumn<long>("prev_seq").NotNull();
        links.AddColumn("data_digest", "bytea").NotNull();
        links.AddColumn("content_digest", "bytea").NotNull();
        links.AddColumn("chain_hash", "bytea").NotNull();
        links.AddColumn("global_hash", "bytea").NotNull();
        links.Indexes.Add(new IndexDefinition("ix_mt_integrity_links_chain") { Columns = ["chain_key", "seq"] });
        links.Indexes.Add(new IndexDefinition("ix_mt_integrity_links_stream") { Columns = ["stream_id", "version"] });
        yield return links;

        var checkpoints = new Table(new PostgresqlObjectName(Schema, "mt_integrity_checkpoints", SchemaUtils.IdentifierUsage.General));
        checkpoints.AddColumn<string>("chain_key").AsPrimaryKey();
        checkpoints.AddColumn<long>("seq").NotNull();
        checkpoints.AddColumn("head_hash", "bytea").NotNull();
        checkpoints.AddColumn("signature", "bytea").NotNull();
        checkpoints.AddColumn<DateTimeOffset>("signed_at").NotNull();
        yield return checkpoints;

        var redactions = new Table(new PostgresqlObjectName(Schema, "mt_integrity_redactions", SchemaUtils.IdentifierUsage.General));
        redactions.AddColumn<long>("id").BigAutoIncrement().AsPrimaryKey();
        redactions.AddColumn<long>("seq").NotNull();
        redactions.AddColumn("original_digest", "bytea").NotNull();
        redactions.AddColumn("redacted_digest", "bytea").NotNull();
        redactions.AddColumn<string>("reason").NotNull();
        redactions.AddColumn<DateTimeOffset>("redacted_at").NotNull();
        redactions.AddColumn("signature", "bytea").NotNull();
        redactions.Indexes.Add(new IndexDefinition("ix_mt_integrity_redactions_seq") { Columns = ["seq", "id"] });
        yield return redactions;
    }
}
