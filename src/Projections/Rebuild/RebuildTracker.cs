using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.Telemetry;

namespace TaskForge.Projections.Rebuild;

/// <summary>
/// Progress of a generation being rebuilt: events done of total, the rate and the time left; written to the log,
/// the metrics and the table <c>projection_rebuilds</c> (where admins query it) about once a second.
/// </summary>
internal sealed class RebuildTracker(DaemonContext context, string projection, int generation)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _processed;

    public void Processed(int count) => _processed += count;

    public async Task ReportAsync(NpgsqlConnection connection, long checkpoint, CancellationToken cancellationToken)
    {
        long done;
        long total;
        await using (var command = Sql.Command(connection, null,
            $"SELECT count(*) FILTER (WHERE id <= $1), count(*) FROM {context.Store.Schema}.events", checkpoint))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            done = reader.GetInt64(0);
            total = reader.GetInt64(1);
        }

        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var rate = seconds > 0 ? _processed / seconds : 0;
        TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : null;
        var progress = new RebuildProgress(projection, generation, done, total, rate, eta, Finished: false);
        ProjectionMetrics.StatusOf(context.Schema, projection).Rebuild = progress;
        context.Logger.LogInformation(
            "Rebuild of {Projection} generation {Generation}: {Done} of {Total} events ({Percent:F1} %), {Rate:F0} events/s, ETA {Eta}",
            projection, generation, done, total, progress.Fraction * 100, rate, eta);
        await Sql.ExecuteAsync(connection, null, $"""
            UPDATE {context.Schema}.projection_rebuilds
            SET events_done = $3, events_total = $4, events_per_second = $5, eta_seconds = $6, updated_at = now()
            WHERE projection = $1 AND generation = $2
            """, cancellationToken, projection, generation, done, total, rate, eta?.TotalSeconds);
    }
}
