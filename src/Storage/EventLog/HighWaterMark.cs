using Npgsql;

namespace TaskForge.Storage.EventLog;

/// <summary>
/// The highest sequence number below which Marten's daemon has certified the log complete: every event at or below it
/// has committed or is gone for good. Readers outside the daemon (the realtime tail, resume, export, tests) stop there,
/// so an event that commits late is never skipped (guarantee 3).
/// </summary>
public sealed class HighWaterMark(NpgsqlDataSource dataSource, string schema)
{
    private readonly string _sql = $"SELECT last_seq_id FROM {schema}.mt_event_progression WHERE name = 'HighWaterMark'";

    /// <summary>The certified mark (0 before the daemon's first pass).</summary>
    public Task<long> ReadAsync(CancellationToken cancellationToken = default) => LogScalar.ReadAsync(dataSource, _sql, cancellationToken);
}
