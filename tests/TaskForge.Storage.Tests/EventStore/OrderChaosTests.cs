using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services;
using TaskForge.Storage.EventLog;
using TaskForge.Storage.EventStore;
using TaskForge.Testing;

namespace TaskForge.Storage.Tests.EventStore;

/// <summary>
/// Guarantee 3 through Marten: writers with random delays, some holding their transaction open longer than the
/// daemon's StaleSequenceThreshold while later ones commit, a fifth of the appends rolled back, at least 20,000
/// committed events. A daemon projection and a raw reader bounded by the high-water mark are each stopped and
/// restarted from their checkpoints, and each ends with exactly the committed events, once each, in sequence order.
/// </summary>
public sealed class OrderChaosTests(MartenStoreFixture fixture) : IClassFixture<MartenStoreFixture>
{
    private const int Writers = 6;
    private const int EventsPerAppend = 25;
    private const int TargetEvents = 20_000;
    private static readonly TimeSpan Hold = GapSafety.StaleSequenceThreshold + TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task Every_consumer_gets_exactly_the_committed_events_once_in_order()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await ExecuteAsync("CREATE TABLE witness (n bigserial PRIMARY KEY, seq bigint NOT NULL)");
        using var store = fixture.CreateStore(o => o.Projections.Add(new WitnessProjection("public.witness"), ProjectionLifecycle.Async, "witness", _ => { }));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var committed = 0;
        var rolledBack = 0;
        var holds = 0;
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (Volatile.Read(ref committed) < TargetEvents)
            {
                var holdThis = w < 2 && Volatile.Read(ref holds) < 4 && random.Next(40) == 0;
                var rollBack = !holdThis && random.Next(5) == 0;
                if (await AppendAsync(store, $"chaos-{w}-{random.Next(50)}", holdThis ? Hold : TimeSpan.FromMilliseconds(random.Next(3)), rollBack, timeout.Token))
                    Interlocked.Add(ref committed, EventsPerAppend);
                else
                    Interlocked.Increment(ref rolledBack);
                if (holdThis)
                    Interlocked.Increment(ref holds);
            }
        }, timeout.Token)).ToList();

        var reader = new EventLogReader(store, new HighWaterMark(fixture.MartenDataSource, store.Options.DatabaseSchemaName));
        var seen = new List<long>();
        var daemon = await StartDaemonAsync(store);
        var restarts = 0;
        var writing = Task.WhenAll(writers);
        while (!writing.IsCompleted || seen.Count < Volatile.Read(ref committed))
        {
            timeout.Token.ThrowIfCancellationRequested();
            var page = await reader.ReadAsync(seen.Count == 0 ? 0 : seen[^1], 1000, timeout.Token);
            seen.AddRange(page.Events.Select(e => e.Sequence));
            if (page.Events.Count == 0)
                await Task.Delay(10, timeout.Token);
            if (restarts < 2 && seen.Count > (restarts + 1) * TargetEvents / 3)
            {
                // Stop the daemon mid-flight and start a new one: it resumes from its progression.
                await daemon.StopAllAsync();
                daemon.Dispose();
                daemon = await StartDaemonAsync(store);
                // A new reader from the checkpoint it had.
                reader = new EventLogReader(store, new HighWaterMark(fixture.MartenDataSource, store.Options.DatabaseSchemaName));
                restarts++;
            }
        }

        await writing;
        var log = await ColumnAsync($"SELECT seq_id FROM {store.Options.DatabaseSchemaName}.mt_events ORDER BY seq_id");
        await WaitAsync(async () => (await ColumnAsync("SELECT count(*) FROM witness"))[0] >= log.Count, timeout.Token);
        await daemon.StopAllAsync();
        daemon.Dispose();

        Assert.True(log.Count >= TargetEvents, $"only {log.Count} events committed");
        Assert.True(rolledBack > 0 && holds > 0, $"chaos missing: {rolledBack} rollbacks, {holds} holds");
        Assert.Equal(2, restarts);
        Assert.Equal(log, seen);
        Assert.Equal(log, await ColumnAsync("SELECT seq FROM witness ORDER BY n"));
    }

    private static async Task<IProjectionDaemon> StartDaemonAsync(DocumentStore store)
    {
        var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        return daemon;
    }

    private async Task<bool> AppendAsync(DocumentStore store, string stream, TimeSpan hold, bool rollBack, CancellationToken cancellationToken)
    {
        await using var connection = await fixture.MartenDataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Events.Append(stream, [.. Enumerable.Range(0, EventsPerAppend).Select(i => (object)new Happened(i))]);
            await session.SaveChangesAsync(cancellationToken);
        }

        await Task.Delay(hold, cancellationToken);
        if (rollBack)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = fixture.MartenDataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<long>> ColumnAsync(string sql)
    {
        await using var command = fixture.MartenDataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync())
            values.Add(reader.GetInt64(0));
        return values;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        while (!await condition())
            await Task.Delay(20, cancellationToken);
    }

    private sealed record Happened(int Index);
}
