using Npgsql;

namespace TaskForge.Projections.Daemon;

/// <summary>
/// Leadership of one projection: a PostgreSQL session advisory lock held on a connection of its own. The server
/// releases it when that session ends (the process died or the connection broke), so another node can take over.
/// </summary>
internal sealed class LeaderLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _key;

    private LeaderLease(NpgsqlConnection connection, string key)
    {
        _connection = connection;
        _key = key;
    }

    public static async Task<LeaderLease?> TryAcquireAsync(NpgsqlDataSource dataSource, string key, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await Sql.ScalarAsync<bool>(connection, null, "SELECT pg_try_advisory_lock(hashtextextended($1, 0))", cancellationToken, key))
            {
                // A leader cut off by the network (no FIN, no RST) would keep its lock until the server notices: have the
                // server probe this session's TCP connection every few seconds instead of after the OS default (hours).
                await Sql.ExecuteAsync(connection, null,
                    "SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 1; SET tcp_keepalives_count = 3", cancellationToken);
                return new LeaderLease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The backend process id of the lock's session (fail-over tests terminate it).</summary>
    public int ProcessId => _connection.ProcessID;

    /// <summary>Returns when the lock's session is gone (or <paramref name="cancellationToken"/> fires).</summary>
    public async Task WatchAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, cancellationToken);
                await Sql.ExecuteAsync(_connection, null, "SELECT 1", cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection.FullState == System.Data.ConnectionState.Open)
            {
                await Sql.ExecuteAsync(_connection, null, "SELECT pg_advisory_unlock(hashtextextended($1, 0))", CancellationToken.None, _key);
            }
        }
        catch (NpgsqlException)
        {
            // The session is gone, and its lock with it.
        }

        await _connection.DisposeAsync();
    }
}
