using Microsoft.Extensions.Logging;
using Npgsql;
using TaskForge.Storage.Wakeup;

namespace TaskForge.Realtime.Fanout;

/// <summary>
/// LISTENs on the append channel (<see cref="AppendNotifier.Channel"/>) on one held connection and calls back on each
/// notice; reconnects after a lost connection (calling back once then, as events may have come meanwhile).
/// </summary>
internal sealed partial class AppendListener(NpgsqlDataSource dataSource, ILogger logger)
{
    public async Task RunAsync(Action onNotice, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, _) => onNotice();
                await using (var listen = new NpgsqlCommand($"LISTEN {AppendNotifier.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                onNotice();
                while (true)
                    await connection.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                // Polling still finds the events; the notices only shorten the wait.
                LogLost(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the LISTEN connection of the realtime tailer; polling until it is back")]
    private static partial void LogLost(ILogger logger, Exception exception);
}
