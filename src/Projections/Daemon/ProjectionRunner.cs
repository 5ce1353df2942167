using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using TaskForge.EventStore.Reading;
using TaskForge.Projections.DeadLetters;
using TaskForge.Projections.Rebuild;
using TaskForge.Projections.Telemetry;

namespace TaskForge.Projections.Daemon;

/// <summary>
/// Runs one generation of a projection on its own connection: reads the global order after its checkpoint, applies
/// a batch per transaction (as many events as are waiting, up to the batch size), and waits on the store's watcher
/// when it has caught up. Reads happen outside the write transaction, which stays short.
/// </summary>
internal sealed class ProjectionRunner
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);
    private const int MinBatchSize = 50;
    private static readonly TimeSpan MaxWithheldDelay = TimeSpan.FromMilliseconds(50);

    private readonly DaemonContext _context;
    private readonly IProjection _projection;
    private readonly ProjectionTables _tables;
    private readonly BatchApplier _applier;
    private readonly ProjectionStatus _status;
    private readonly Func<CancellationToken, Task<bool>>? _onCaughtUp;
    private readonly RebuildTracker? _rebuild;
    private readonly ParkedReplayer? _replayer;
    private int _batchSize;
    private long _lastSample;
    private long _lastControl;

    /// <param name="onCaughtUp">For a generation being rebuilt: called at the head of the log; true ends the runner (switched).</param>
    public ProjectionRunner(DaemonContext context, IProjection projection, int generation, Func<CancellationToken, Task<bool>>? onCaughtUp)
    {
        _context = context;
        _projection = projection;
        _tables = new ProjectionTables(context.Schema, generation);
        _applier = new BatchApplier(context, projection, _tables);
        _status = ProjectionMetrics.StatusOf(context.Schema, projection.Name);
        _onCaughtUp = onCaughtUp;
        _batchSize = context.Options.BatchSize;
        _rebuild = onCaughtUp is null ? null : new RebuildTracker(context, projection.Name, generation);
        _replayer = onCaughtUp is null ? new ParkedReplayer(context, projection, _tables) : null;
    }

    private bool IsActive => _onCaughtUp is null;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _context.Store.DataSource.OpenConnectionAsync(cancellationToken);
        if (!_context.Options.SynchronousCommit)
        {
            // Session-level on the runner's own connection (reset when it goes back to the pool).
            await Sql.ExecuteAsync(connection, null, "SET synchronous_commit = off", cancellationToken);
        }

        var checkpoint = await _context.Store.Checkpoints.LoadAsync(connection, null, _applier.CheckpointName, cancellationToken);
        _context.Logger.LogInformation("Projection {Projection} generation {Generation} starts after {Checkpoint}",
            _projection.Name, _tables.Generation, checkpoint ?? 0);
        var withheldDelay = _context.Options.WithheldRetryDelay;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ControlAsync(connection, cancellationToken);
            var seen = _context.Store.Watcher.Generation;
            var page = await _context.Store.ReadAllAsync(connection, checkpoint ?? 0, _batchSize, cancellationToken);
            if (page.Events.Count == 0)
            {
                if (IsActive)
                {
                    _status.LagSeconds = 0;
                    _status.LagEvents = 0;
                }

                if (!page.Withheld && _onCaughtUp is not null && await _onCaughtUp(cancellationToken))
                {
                    return;
                }

                if (page.Withheld)
                {
                    // Committed events wait behind an older open transaction: look again when this process commits an
                    // append (likely the one holding them back) or soon, backing off while the transaction stays open.
                    await Task.WhenAny(
                        _context.Store.Watcher.WaitForChangeAsync(seen, cancellationToken),
                        Task.Delay(withheldDelay, cancellationToken));
                    withheldDelay = TimeSpan.FromTicks(Math.Min(withheldDelay.Ticks * 2, MaxWithheldDelay.Ticks));
                }
                else
                {
                    await _context.Store.Watcher.WaitForChangeAsync(seen, cancellationToken);
                }

                continue;
            }

            withheldDelay = _context.Options.WithheldRetryDelay;

            var started = Stopwatch.GetTimestamp();
            checkpoint = await _applier.ApplyAsync(connection, page.Events, checkpoint, cancellationToken);
            var took = Stopwatch.GetElapsedTime(started);
            Record(page, checkpoint.Value);
            AdaptBatchSize(page.Events.Count, took);
            await SampleAsync(connection, checkpoint.Value, cancellationToken);
        }
    }

    // Proportional when a transaction ran long, never below a floor (tiny batches under load would fall behind for
    // good); doubling while behind and quick.
    private void AdaptBatchSize(int applied, TimeSpan took)
    {
        var target = _context.Options.TargetTransactionDuration;
        var floor = Math.Min(MinBatchSize, _context.Options.BatchSize);
        if (took > target)
        {
            _batchSize = Math.Max(floor, (int)(applied * (target / took)));
        }
        else if (applied >= _batchSize && took < target / 2)
        {
            _batchSize = Math.Min(_context.Options.BatchSize, _batchSize * 2);
        }
    }

    private void Record(ReadAllPage page, long checkpoint)
    {
        var tag = ProjectionMetrics.Tag(_projection.Name);
        ProjectionMetrics.EventsProcessed.Add(page.Events.Count, tag);
        ProjectionMetrics.BatchSize.Record(page.Events.Count, tag);
        _rebuild?.Processed(page.Events.Count);
        if (!IsActive)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        foreach (var recorded in page.Events)
        {
            ProjectionMetrics.EventDelay.Record((now - recorded.CreatedAt).TotalMilliseconds, tag);
        }

        _status.Checkpoint = checkpoint;
        var full = page.Events.Count >= _batchSize;
        _status.LagSeconds = full ? Math.Max(0, (now - page.Events[^1].CreatedAt).TotalSeconds) : 0;
    }

    private async Task SampleAsync(NpgsqlConnection connection, long checkpoint, CancellationToken cancellationToken)
    {
        if (Stopwatch.GetElapsedTime(_lastSample) < SampleInterval)
        {
            return;
        }

        _lastSample = Stopwatch.GetTimestamp();
        if (_rebuild is not null)
        {
            await _rebuild.ReportAsync(connection, checkpoint, cancellationToken);
            return;
        }

        // Capped so that a huge backlog does not make the sample itself slow.
        _status.LagEvents = await Sql.ScalarAsync<long>(connection, null,
            $"SELECT count(*) FROM (SELECT 1 FROM {_context.Store.Schema}.events WHERE id > $1 LIMIT 10000000) behind", cancellationToken, checkpoint);
    }

    private async Task ControlAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_replayer is null || Stopwatch.GetElapsedTime(_lastControl) < _context.Options.ControlPollInterval)
        {
            return;
        }

        _lastControl = Stopwatch.GetTimestamp();
        _status.Parked = await _replayer.ReplayRequestedAsync(connection, cancellationToken);
    }
}
