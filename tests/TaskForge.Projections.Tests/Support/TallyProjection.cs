using TaskForge.Projections.Events;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Storage;

namespace TaskForge.Projections.Tests.Support;

/// <summary>
/// A witness projection for the daemon's tests: one row per event it applies (no key, so a duplicate shows as a second
/// row) and a count per stream. Events whose body contains <see cref="PoisonMarker"/> throw while planned, as long as
/// <see cref="PoisonThrows"/> is set; events whose body starts with "rejected" break a check constraint at commit.
/// </summary>
public sealed class TallyProjection(string name = "tally", int version = 1) : DomainProjection
{
    public const string Seen = "tally_seen";
    public const string Streams = "tally_streams";

    public override string Name => name;

    public override int Version => version;

    public override IReadOnlyList<string> Tables => [Seen, Streams];

    protected override IReadOnlyList<Type> EventFamilies { get; } = [typeof(TestHappened)];

    public volatile bool PoisonThrows = true;

    /// <summary>Unique per instance: tests of a class share a database.</summary>
    public string PoisonMarker { get; } = "poison-" + Guid.NewGuid().ToString("N");

    /// <summary>While not set, planning blocks (a slow rebuild the test lets go of).</summary>
    public ManualResetEventSlim Gate { get; } = new(initialState: true);

    private int _rejectedPlans;

    /// <summary>How many times the daemon planned an event its check constraint rejects (each try of a failing batch).</summary>
    public int RejectedPlans => Volatile.Read(ref _rejectedPlans);

    public static string Constraint(ProjectionTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return tables.Local(Seen) + "_accepts";
    }

    public override string CreateTablesSql(ProjectionTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return $"""
            CREATE TABLE {tables[Seen]} (position bigint NOT NULL, stream_id text NOT NULL, body text NOT NULL, version int NOT NULL,
                CONSTRAINT {Constraint(tables)} CHECK (body NOT LIKE 'rejected%'));
            CREATE TABLE {tables[Streams]} (stream_id text PRIMARY KEY, events int NOT NULL);
            """;
    }

    public override void Plan(ProjectedEvent e, ProjectionTables tables, SqlBatch sql)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(sql);
        if (!Gate.Wait(Projected.Timeout))
            throw new TimeoutException("The test never opened the gate.");
        var body = ((TestHappened)e.Event).Body;
        if (PoisonThrows && body.Contains(PoisonMarker, StringComparison.Ordinal))
            throw new InvalidOperationException($"poison event at {e.Position}");
        if (body.StartsWith("rejected", StringComparison.Ordinal))
            Interlocked.Increment(ref _rejectedPlans);
        sql.Add($"INSERT INTO {tables[Seen]} (position, stream_id, body, version) VALUES ($1, $2, $3, $4)", e.Position, e.StreamId, body, Version);
        sql.Add($"""
            INSERT INTO {tables[Streams]} (stream_id, events) VALUES ($1, 1)
            ON CONFLICT (stream_id) DO UPDATE SET events = {tables[Streams]}.events + 1
            """, e.StreamId);
    }
}
