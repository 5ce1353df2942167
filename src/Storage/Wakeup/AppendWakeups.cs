using Marten;
using Marten.Events.Daemon.HighWater;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace TaskForge.Storage.Wakeup;

public static class AppendWakeups
{
    /// <summary>
    /// Commits send the coalesced notice of <paramref name="notifier"/>, and the daemon's high-water agent listens for it
    /// (Marten's <see cref="PostgresqlListenWakeup"/>, which falls back to polling when the notice cannot be had).
    /// </summary>
    public static StoreOptions UseAppendWakeups(this StoreOptions options, NpgsqlDataSource dataSource, AppendNotifier notifier, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Listeners.Add(notifier);
        options.Projections.Wakeup = new PostgresqlListenWakeup(dataSource, logger ?? NullLogger.Instance, AppendNotifier.Channel);
        return options;
    }
}
