using System.Diagnostics;
using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TaskForge.Storage.EventLog;
using TaskForge.Storage.Wakeup;

namespace TaskForge.Realtime.Fanout;

/// <summary>
/// The node's one reader of the log for live delivery (ADR 0090): reads after its last position, never past the
/// high-water mark, and publishes each page to the <see cref="EventFanout"/>. On the node whose daemon certifies the mark
/// it is woken the moment the mark moves (ADR 0136). Everywhere, the append notice wakes it and makes it poll fast for a
/// short while (the mark moves once the daemon has seen the commit), and it polls every
/// <see cref="RealtimeOptions.PollInterval"/> otherwise.
/// </summary>
public sealed partial class LogTailer(
    EventLogReader reader, HighWaterMark highWaterMark, EventFanout fanout, NpgsqlDataSource dataSource, IDocumentStore store,
    IOptions<RealtimeOptions> options, ILogger<LogTailer> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _fastUntil;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var position = await StartPositionAsync(settings, stoppingToken);
        fanout.Start(position);
        LogStarted(logger, position);
        var listening = new AppendListener(dataSource, logger).RunAsync(Wake, stoppingToken);
        using var advances = HighWaterAdvances.Subscribe(store, _ => _wake.Writer.TryWrite(true));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var full = false;
                try
                {
                    var page = await reader.ReadAsync(position, settings.PageSize, stoppingToken);
                    full = page.Events.Count == settings.PageSize;
                    // A short page holds every event up to the mark: the positions in between are gaps, certified empty.
                    var next = full ? page.Events[^1].Sequence : Math.Max(position, page.HighWaterMark);
                    if (next > position)
                    {
                        var readAt = Stopwatch.GetTimestamp();
                        fanout.Publish([.. page.Events.Select(e => RealtimeEvent.From(e) with { ReadAt = readAt })], next);
                        position = next;
                        if (page.Events.Count > 0)
                            Volatile.Write(ref _fastUntil, Stopwatch.GetTimestamp() + (long)(settings.FastPollWindow.TotalSeconds * Stopwatch.Frequency));
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogReadFailed(logger, e, position);
                }

                if (!full)
                    await WaitAsync(settings, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await listening;
    }

    private async Task<long> StartPositionAsync(RealtimeOptions settings, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await highWaterMark.ReadAsync(cancellationToken);
            }
            catch (NpgsqlException e)
            {
                LogReadFailed(logger, e, 0);
                await Task.Delay(settings.PollInterval, cancellationToken);
            }
        }
    }

    private void Wake()
    {
        Volatile.Write(ref _fastUntil, Stopwatch.GetTimestamp() + (long)(options.Value.FastPollWindow.TotalSeconds * Stopwatch.Frequency));
        _wake.Writer.TryWrite(true);
    }

    private async Task WaitAsync(RealtimeOptions settings, CancellationToken cancellationToken)
    {
        var fast = Stopwatch.GetTimestamp() < Volatile.Read(ref _fastUntil);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(fast ? settings.FastPollInterval : settings.PollInterval);
        try
        {
            // Fast or slow, a wake-up cuts the wait short: above all the mark's own advance on the daemon's node.
            await _wake.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }

        _wake.Reader.TryRead(out _);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Realtime tailer starts at log position {Position}")]
    private static partial void LogStarted(ILogger logger, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Realtime tailer could not read the log after {Position}; retrying")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, long position);
}
