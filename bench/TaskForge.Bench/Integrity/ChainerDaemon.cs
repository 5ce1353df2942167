using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using TaskForge.Integrity;
using TaskForge.Storage.EventStore;

namespace TaskForge.Bench.Integrity;

/// <summary>The chainer alone on its own daemon over TaskForge's log, started and stopped between measurements.</summary>
internal sealed class ChainerDaemon(NpgsqlDataSource dataSource, IntegrityOptions options) : IAsyncDisposable
{
    private readonly DocumentStore _store = DocumentStore.For(o =>
    {
        o.Connection(dataSource);
        o.UseTaskForgeEventStore(new EventStoreSettings { Schema = options.Schema });
        o.AddIntegrityChain(dataSource, options);
    });

    private IProjectionDaemon? _daemon;

    public Task CreateTablesAsync() => _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

    public async Task StartAsync()
    {
        _daemon = await _store.BuildProjectionDaemonAsync();
        await _daemon.StartAllAsync();
    }

    public async Task StopAsync()
    {
        if (_daemon is null)
            return;
        await _daemon.StopAllAsync();
        _daemon.Dispose();
        _daemon = null;
    }

    /// <summary>Waits until every event has its link; returns the number of events still unchained when it was called.</summary>
    public async Task<long> WaitChainedAsync()
    {
        var last = await ScalarAsync($"SELECT coalesce(max(seq_id), 0) FROM {options.Schema}.mt_events");
        var lag = last - await ChainedAsync();
        while (await ChainedAsync() < last)
            await Task.Delay(20);
        return lag;
    }

    private Task<long> ChainedAsync() => ScalarAsync($"SELECT coalesce(max(seq), 0) FROM {options.Schema}.mt_integrity_links");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _store.Dispose();
    }
}
