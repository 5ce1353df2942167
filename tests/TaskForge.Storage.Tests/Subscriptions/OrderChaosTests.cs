using System.Collections.Concurrent;
using Npgsql;
using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Reading;
using TaskForge.Testing;

namespace TaskForge.EventStore.Tests.Subscriptions;

/// <summary>
/// Guarantee 3 under stress: writers with random delays (some hold a transaction open while later ones commit)
/// and random rollbacks, several subscribers, one stopped and restarted from its checkpoint many times. Every
/// subscriber ends with exactly the committed events, each once, in the order ReadAll gives.
/// </summary>
public sealed class OrderChaosTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    private const int TargetEvents = 20_000;
    private const int Writers = 6;

    private PostgresEventStore Store => fixture.Store;

    [Fact]
    public async Task Concurrent_writers_with_slow_and_rolled_back_transactions_never_make_a_subscriber_skip_or_repeat()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var committed = new ConcurrentDictionary<Guid, byte>();
        var rolledBack = new ConcurrentDictionary<Guid, byte>();
        var start = await HeadAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await CreateReceivedTableAsync();

        var sentinel = TestEvents.New("Sentinel");
        var live = Enumerable.Range(0, 2).Select(_ => new LiveSubscriber(Store, start, sentinel.EventId)).ToArray();
        var liveTasks = live.Select(s => s.RunAsync(timeout.Token)).ToArray();
        var restarting = RunRestartingSubscriberAsync(start, sentinel.EventId, timeout.Token);

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(w, committed, rolledBack, timeout.Token)));
        // The last event: subscribers stop when they see it.
        await Store.AppendAsync("chaos-sentinel", ExpectedVersion.NoStream, [sentinel], timeout.Token);
        committed[sentinel.EventId] = 0;

        await Task.WhenAll(liveTasks);
        var restartingReceived = await restarting;

        var log = await LogReader.ReadToHeadAsync(Store, start);
        Console.WriteLine($"order chaos: {log.Count} events committed, {rolledBack.Count} rolled back, in {clock.Elapsed.TotalSeconds:F1}s");
        Assert.True(log.Count >= TargetEvents, $"only {log.Count} events were committed");
        Assert.Equal(committed.Count, log.Count);
        Assert.All(log, e => Assert.True(committed.ContainsKey(e.EventId)));
        Assert.DoesNotContain(log, e => rolledBack.ContainsKey(e.EventId));
        var order = log.Select(e => e.EventId).ToList();
        foreach (var subscriber in live)
        {
            Assert.Equal(order, subscriber.Received.Select(e => e.EventId));
        }

        Assert.Equal(order, restartingReceived);
    }

    private async Task WriteAsync(int writer, ConcurrentDictionary<Guid, byte> committed, ConcurrentDictionary<Guid, byte> rolledBack, CancellationToken cancellationToken)
    {
        var random = new Random(writer * 7919);
        while (committed.Count < TargetEvents)
        {
            var events = TestEvents.Many(random.Next(1, 8));
            var stream = $"chaos-{writer}-{random.Next(50)}";
            if (random.Next(3) == 0)
            {
                await Store.AppendAsync(stream, ExpectedVersion.Any, events, cancellationToken);
                Record(committed, events);
                continue;
            }

            await using var connection = await fixture.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Store.AppendAsync(connection, transaction, $"{stream}-tx-{Guid.NewGuid():N}", ExpectedVersion.NoStream, events, cancellationToken);
            // Hold the transaction open while other writers commit later events.
            await Task.Delay(random.Next(0, 12), cancellationToken);
            if (random.Next(5) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                Record(rolledBack, events);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
                Record(committed, events);
            }
        }
    }

    private static void Record(ConcurrentDictionary<Guid, byte> set, IEnumerable<EventData> events)
    {
        foreach (var e in events)
        {
            set[e.EventId] = 0;
        }
    }

    // Writes what it receives and its checkpoint in one transaction per page, is cancelled at random moments and
    // resumes from the stored checkpoint: the received table must hold each event exactly once, in order.
    private async Task<List<Guid>> RunRestartingSubscriberAsync(long start, Guid sentinel, CancellationToken cancellationToken)
    {
        const string Name = "chaos-restarting";
        var random = new Random(42);
        await Store.Checkpoints.TryStoreAsync(Name, null, start, cancellationToken);
        var restarts = 0;
        while (true)
        {
            var checkpoint = await Store.Checkpoints.LoadAsync(Name, cancellationToken) ?? start;
            if (await IsReceivedAsync(sentinel, cancellationToken))
            {
                Assert.True(restarts > 3, $"the subscriber restarted only {restarts} times");
                return await ReadReceivedAsync(cancellationToken);
            }

            using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            run.CancelAfter(TimeSpan.FromMilliseconds(random.Next(50, 400)));
            try
            {
                await ConsumeAsync(Name, checkpoint, sentinel, run.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                restarts++;
            }
        }
    }

    private async Task ConsumeAsync(string name, long checkpoint, Guid sentinel, CancellationToken cancellationToken)
    {
        var batch = new List<RecordedEvent>();
        await foreach (var e in Store.SubscribeToAllAsync(checkpoint, cancellationToken))
        {
            batch.Add(e);
            if (batch.Count < 17 && e.EventId != sentinel)
            {
                continue;
            }

            checkpoint = await CommitBatchAsync(name, checkpoint, batch, cancellationToken);
            batch.Clear();
            if (e.EventId == sentinel)
            {
                return;
            }
        }
    }

    private async Task<long> CommitBatchAsync(string name, long checkpoint, List<RecordedEvent> batch, CancellationToken cancellationToken)
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("INSERT INTO received (position, event_id) SELECT * FROM unnest(@p, @e)", connection, transaction))
        {
            insert.Parameters.AddWithValue("p", batch.Select(e => e.Position).ToArray());
            insert.Parameters.AddWithValue("e", batch.Select(e => e.EventId).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        Assert.True(await Store.Checkpoints.TryStoreAsync(connection, transaction, name, checkpoint, batch[^1].Position, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return batch[^1].Position;
    }

    private async Task CreateReceivedTableAsync()
    {
        await using var command = fixture.DataSource.CreateCommand("CREATE TABLE received (position bigint PRIMARY KEY, event_id uuid NOT NULL UNIQUE)");
        await command.ExecuteNonQueryAsync();
    }

    private async Task<bool> IsReceivedAsync(Guid eventId, CancellationToken cancellationToken)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT count(*) FROM received WHERE event_id = @e");
        command.Parameters.AddWithValue("e", eventId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    private async Task<List<Guid>> ReadReceivedAsync(CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        await using var command = fixture.DataSource.CreateCommand("SELECT event_id FROM received ORDER BY position");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private async Task<long> HeadAsync()
    {
        var all = await LogReader.ReadToHeadAsync(Store, 0);
        return all.Count == 0 ? 0 : all[^1].Position;
    }

    private sealed class LiveSubscriber(PostgresEventStore store, long start, Guid sentinel)
    {
        public List<RecordedEvent> Received { get; } = [];

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            await foreach (var e in store.SubscribeToAllAsync(start, cancellationToken))
            {
                Received.Add(e);
                if (e.EventId == sentinel)
                {
                    return;
                }
            }
        }
    }
}
