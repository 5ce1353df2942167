using Npgsql;

namespace TaskForge.EventStore.Subscriptions;

/// <summary>
/// Wakes readers of the log. One LISTEN connection per store (per process) shared by every subscriber; appends in
/// this process wake local readers at once and send one coalesced NOTIFY outside the append transaction (a NOTIFY
/// inside every append would serialise commits). Wake-ups are hints only: readers always read the log itself and
/// never wait longer than the poll interval, which covers a missed notification.
/// </summary>
public sealed class LogWatcher : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _channel;
    private readonly TimeSpan _pollInterval;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _generation;
    private int _notifyRequested;
    private int _notifying;
    private Task? _listener;

    public LogWatcher(NpgsqlDataSource dataSource, string schema, TimeSpan pollInterval)
    {
        _dataSource = dataSource;
        _channel = schema + "_events";
        _pollInterval = pollInterval;
    }

    /// <summary>Changes every time the log may have grown.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Notifications received from PostgreSQL (for tests and metrics).</summary>
    public long NotificationsReceived { get; private set; }

    /// <summary>Completes when the generation differs from <paramref name="seenGeneration"/> or the poll interval passed.</summary>
    public Task WaitForChangeAsync(long seenGeneration, CancellationToken cancellationToken) =>
        WaitForChangeAsync(seenGeneration, _pollInterval, cancellationToken);

    /// <summary>Completes when the generation differs from <paramref name="seenGeneration"/> or <paramref name="maxWait"/> passed.</summary>
    public async Task WaitForChangeAsync(long seenGeneration, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        EnsureListening();
        Task changed;
        lock (_gate)
        {
            if (_generation != seenGeneration)
            {
                return;
            }

            changed = _changed.Task;
        }

        try
        {
            await changed.WaitAsync(maxWait, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Polling fallback: look at the log anyway.
        }
    }

    /// <summary>Called after an append committed in this process: wakes local readers, and other processes' when asked.</summary>
    public void NotifyAppended(bool otherProcesses = true)
    {
        Bump();
        if (!otherProcesses)
        {
            return;
        }

        Volatile.Write(ref _notifyRequested, 1);
        if (Interlocked.CompareExchange(ref _notifying, 1, 0) == 0)
        {
            _ = SendNotificationsAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_listener is not null)
        {
            await _listener.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _stopping.Dispose();
    }

    private void Bump()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            _generation++;
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private async Task SendNotificationsAsync()
    {
        while (true)
        {
            if (Interlocked.Exchange(ref _notifyRequested, 0) == 1)
            {
                await TrySendNotifyAsync();
                continue;
            }

            Volatile.Write(ref _notifying, 0);
            // A request that arrived after the exchange above and before the release must not be stranded.
            if (Volatile.Read(ref _notifyRequested) == 0 || Interlocked.CompareExchange(ref _notifying, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task TrySendNotifyAsync()
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT pg_notify(@channel, '')");
            command.Parameters.AddWithValue("channel", _channel);
            await command.ExecuteNonQueryAsync(_stopping.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or ObjectDisposedException)
        {
            // Other processes fall back to polling; nothing is lost.
        }
    }

    private void EnsureListening()
    {
        if (_listener is null)
        {
            lock (_gate)
            {
                _listener ??= Task.Run(ListenAsync);
            }
        }
    }

    private async Task ListenAsync()
    {
        var backoff = TimeSpan.FromMilliseconds(50);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(_stopping.Token);
                connection.Notification += (_, _) =>
                {
                    NotificationsReceived++;
                    Bump();
                };
                await using (var listen = new NpgsqlCommand($"LISTEN \"{_channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(_stopping.Token);
                }

                Bump(); // Anything may have been appended while we were not listening.
                backoff = TimeSpan.FromMilliseconds(50);
                while (!_stopping.IsCancellationRequested)
                {
                    await connection.WaitAsync(_stopping.Token);
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                Bump();
                await Task.Delay(backoff, CancellationToken.None);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
