using System.Runtime.CompilerServices;
using Npgsql;
using TaskForge.EventStore.Reading;
using TaskForge.EventStore.Telemetry;

namespace TaskForge.EventStore;

public sealed partial class PostgresEventStore
{
    /// <summary>
    /// Every event after <paramref name="afterPosition"/>: first those already in the log, then live ones as they
    /// become visible, with no gap and no duplicate at the switch (it is one cursor over the log). Pull-based:
    /// the next page is read only when the consumer has taken the previous one, so a slow consumer holds no buffer.
    /// Survives database restarts (reads are retried; the cursor is kept).
    /// </summary>
    public async IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(
        long afterPosition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var position = afterPosition;
        var withheldDelay = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            var seen = Watcher.Generation;
            var page = await ReadAllRetryingAsync(position, cancellationToken);
            foreach (var recorded in page.Events)
            {
                EventStoreTelemetry.RecordDelivery(recorded);
                yield return recorded;
                position = recorded.Position;
            }

            if (page.Events.Count == Options.ReadBatchSize)
            {
                continue;
            }

            if (page.Withheld)
            {
                // Committed events wait behind an older open transaction. Its commit usually wakes us (a local
                // append or a NOTIFY); if not, look again soon, backing off while nothing new became visible.
                withheldDelay = page.Events.Count > 0 ? TimeSpan.FromMilliseconds(1) : withheldDelay;
                await Watcher.WaitForChangeAsync(seen, withheldDelay, cancellationToken);
                withheldDelay = TimeSpan.FromTicks(Math.Min(withheldDelay.Ticks * 2, Options.PollInterval.Ticks));
                continue;
            }

            withheldDelay = TimeSpan.FromMilliseconds(1);
            await Watcher.WaitForChangeAsync(seen, Options.PollInterval, cancellationToken);
        }
    }

    private async Task<ReadAllPage> ReadAllRetryingAsync(long position, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                return await ReadAllAsync(position, Options.ReadBatchSize, cancellationToken);
            }
            catch (NpgsqlException e) when (e.IsTransient || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" })
            {
                // Reads are safe to repeat; wait for the database to come back.
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }
}
