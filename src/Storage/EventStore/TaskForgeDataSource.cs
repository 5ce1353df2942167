using System.Globalization;
using Npgsql;

namespace TaskForge.Storage.EventStore;

/// <summary>The one NpgsqlDataSource of a process: Marten, Wolverine and the readers share its pool.</summary>
public static class TaskForgeDataSource
{
    /// <summary>
    /// A data source whose sessions end when idle in a transaction for <see cref="GapSafety.IdleInTransactionSessionTimeout"/>
    /// (the gap backstop), unless the connection string already sets options of its own.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, Action<NpgsqlDataSourceBuilder>? configure = null)
    {
        var builder = new NpgsqlDataSourceBuilder(WithSessionOptions(connectionString));
        configure?.Invoke(builder);
        return builder.Build();
    }

    public static string WithSessionOptions(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(csb.Options) || !csb.Options.Contains("idle_in_transaction_session_timeout", StringComparison.Ordinal))
        {
            var ms = ((long)GapSafety.IdleInTransactionSessionTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            csb.Options = $"{csb.Options} -c idle_in_transaction_session_timeout={ms}".Trim();
        }

        return csb.ConnectionString;
    }
}
