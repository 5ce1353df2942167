using Marten;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TaskForge.Storage.Wakeup;

/// <summary>
/// Wakes every node's daemon after events commit, with one NOTIFY per burst sent outside the append transactions
/// (ADR 0073). Marten's own <c>UseListenNotifyForEventAppends</c> sends a NOTIFY inside every append, and PostgreSQL
/// serializes the commits of transactions that notify: measured here, appends fell to 440–790/s. Here a commit only
/// sets a flag; one sender at a time notifies, and commits during its round trip are covered by one more NOTIFY, sent no
/// sooner than <see cref="MinimumInterval"/> after the previous one. Each notice makes every daemon look for a new
/// high-water mark and start a batch: notices at the commit rate would make batches of one event, each its own
/// transaction, and the projections would fall behind the appends.
/// </summary>
public sealed class AppendNotifier(NpgsqlDataSource dataSource, ILogger? logger = null, TimeSpan? minimumInterval = null) : DocumentSessionListenerBase
{
    /// <summary>Marten's channel, the one its <c>PostgresqlListenWakeup</c> listens on.</summary>
    public const string Channel = "mt_events_appended";

    private int _state; // 0 idle, 1 sending, 2 sending and another commit came

    /// <summary>The least time between two notices (20 ms unless given): it bounds the latency it adds and the batches' count.</summary>
    public TimeSpan MinimumInterval { get; } = minimumInterval ?? TimeSpan.FromMilliseconds(20);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.GetEvents().Any())
            Signal();
        return Task.CompletedTask;
    }

    /// <summary>Notifies soon; returns at once.</summary>
    public void Signal()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if (state == 2 || (state == 1 && Interlocked.CompareExchange(ref _state, 2, 1) == 1))
                return;
            if (state == 0 && Interlocked.CompareExchange(ref _state, 1, 0) == 0)
            {
                // One notice serves every commit of a burst: it runs outside the context (trace, activity) of the commit
                // that happened to start it, so its round trip is not counted in that command's trace.
                using (ExecutionContext.SuppressFlow())
                    _ = Task.Run(SendAsync);
                return;
            }
        }
    }

    private async Task SendAsync()
    {
        do
        {
            Volatile.Write(ref _state, 1);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await using var command = dataSource.CreateCommand($"SELECT pg_notify('{Channel}', '')");
                await command.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException e)
            {
                // The daemon's polling still finds the events; the notice only shortens the wait.
                logger?.LogDebug(e, "Could not send the append notice");
            }

            var rest = MinimumInterval - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (rest > TimeSpan.Zero)
                await Task.Delay(rest);
        }
        while (Interlocked.CompareExchange(ref _state, 0, 1) != 1);
    }
}
