using TaskForge.Projections.Events;
using TaskForge.Projections.Storage;

namespace TaskForge.Projections.Tests.Support;

/// <summary>Records, for each event, the <c>synchronous_commit</c> in force in the transaction that projects it.</summary>
public sealed class CommitModeProjection : DomainProjection
{
    public const string Modes = "commit_modes";

    public override string Name => "commit_mode";

    public override int Version => 1;

    public override IReadOnlyList<string> Tables => [Modes];

    protected override IReadOnlyList<Type> EventFamilies { get; } = [typeof(TestHappened)];

    public override string CreateTablesSql(Runtime.ProjectionTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return $"CREATE TABLE {tables[Modes]} (position bigint PRIMARY KEY, synchronous_commit text NOT NULL);";
    }

    public override void Plan(ProjectedEvent e, Runtime.ProjectionTables tables, SqlBatch sql)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(sql);
        sql.Add($"INSERT INTO {tables[Modes]} (position, synchronous_commit) VALUES ($1, current_setting('synchronous_commit'))", e.Position);
    }
}
