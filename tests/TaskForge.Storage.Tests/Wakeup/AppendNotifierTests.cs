using System.Diagnostics;
using Npgsql;
using TaskForge.Storage.EventStore;
using TaskForge.Storage.Wakeup;
using TaskForge.Testing;

namespace TaskForge.Storage.Tests.Wakeup;

/// <summary>The coalesced append notice (ADR 0073) reaches listeners, and is no part of the trace of the commit that started it.</summary>
public sealed class AppendNotifierTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task A_signal_inside_a_traced_command_sends_the_notice_outside_that_trace()
    {
        await using var dataSource = TaskForgeDataSource.Create(database.ConnectionString);
        await using var listener = await dataSource.OpenConnectionAsync();
        var noticed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, _) => noticed.TrySetResult();
        await using (var listen = new NpgsqlCommand($"LISTEN {AppendNotifier.Channel}", listener))
            await listen.ExecuteNonQueryAsync();
        var notifier = new AppendNotifier(dataSource);
        using var parent = new Activity("a command").Start();
        using var inTrace = new NpgsqlTraceRecorder(parent.TraceId);

        notifier.Signal();
        var waiting = listener.WaitAsync(TimeSpan.FromSeconds(30));
        await noticed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(inTrace.Recorded);
        await waiting;
    }
}
