using Npgsql;

namespace TaskForge.Storage.EventLog;

/// <summary>
/// The highest sequence number the log has handed out, committed or not (Marten's event sequence). No node can have
/// sent an event ID above it, so a client claiming one holds an ID from somewhere else: a database that was reset or
/// restored, another environment, or a number that is not an event ID at all.
/// </summary>
public sealed class LogEnd(NpgsqlDataSource dataSource, string schema)
{
    private readonly string _sql = $"SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM {schema}.mt_events_sequence";

    /// <summary>The highest sequence number handed out (0 when none has been).</summary>
    public Task<long> ReadAsync(CancellationToken cancellationToken = default) => LogScalar.ReadAsync(dataSource, _sql, cancellationToken);
}
