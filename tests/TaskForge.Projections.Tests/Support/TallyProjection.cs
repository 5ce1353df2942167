using Npgsql;
using TaskForge.Projections.Daemon;

namespace TaskForge.Projections.Tests.Support;

/// <summary>
/// A tiny projection for the daemon's tests: one row per event (its position is the key, so a duplicate fails) and a
/// count per stream. Events whose JSON contains <see cref="PoisonMarker"/> throw while <see cref="PoisonThrows"/> is set.
/// </summary>
public sealed class TallyProjection(string name = "tally", int version = 1) : IProjection
{
    private int _applyCalls;

    public string Name => name;

    public int Version => version;

    public IReadOnlyList<string> Tables => ["tally_seen", "tally_streams"];

    public bool PoisonThrows { get; set; } = true;

    /// <summary>Unique per test: tests of a class share one log.</summary>
    public string PoisonMarker { get; } = "poison-" + Guid.NewGuid().ToString("N");

    public int ApplyCalls => Volatile.Read(ref _applyCalls);

    public string CreateTablesSql(ProjectionTables tables) => $"""
        CREATE TABLE {tables["tally_seen"]} (position bigint PRIMARY KEY, stream_id text NOT NULL, generation int NOT NULL);
        CREATE TABLE {tables["tally_streams"]} (stream_id text PRIMARY KEY, events int NOT NULL);
        """;

    public async Task ApplyAsync(ProjectionBatch batch, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _applyCalls);
        var sql = new Storage.SqlBatch();
        foreach (var recorded in batch.Events)
        {
            if (PoisonThrows && recorded.Data.Contains(PoisonMarker, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"poison event at {recorded.Position}");
            }

            sql.Add($"INSERT INTO {batch.Tables["tally_seen"]} (position, stream_id, generation) VALUES ($1, $2, $3)",
                recorded.Position, recorded.StreamId, batch.Tables.Generation);
            sql.Add($"""
                INSERT INTO {batch.Tables["tally_streams"]} (stream_id, events) VALUES ($1, 1)
                ON CONFLICT (stream_id) DO UPDATE SET events = {batch.Tables["tally_streams"]}.events + 1
                """, recorded.StreamId);
        }

        await sql.ExecuteAsync(connection, transaction, cancellationToken);
    }
}
