using TaskForge.EventStore.Appending;
using TaskForge.EventStore.Reading;
using TaskForge.Testing;

namespace TaskForge.EventStore.Tests.Subscriptions;

public sealed class SubscriptionTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    private PostgresEventStore Store => fixture.Store;

    [Fact]
    public async Task A_subscriber_catches_up_then_receives_live_events_with_no_gap_or_duplicate_at_the_switch()
    {
        var stream = TestEvents.Stream();
        var before = await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(30));
        var start = before.Positions[0] - 1;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<RecordedEvent>();
        var reader = Task.Run(async () =>
        {
            await foreach (var e in Store.SubscribeToAllAsync(start, timeout.Token))
            {
                received.Add(e);
                if (received.Count == 60)
                {
                    return;
                }
            }
        }, timeout.Token);

        for (var i = 0; i < 30; i++)
        {
            await Store.AppendAsync(stream, ExpectedVersion.Exactly(30 + i), [TestEvents.New()]);
        }

        await reader;
        Assert.Equal(Enumerable.Range(1, 60).Select(v => (long)v), received.Select(e => e.Version));
    }

    [Fact]
    public async Task A_subscriber_in_another_process_is_woken_by_notification_without_waiting_for_the_poll()
    {
        await using var otherDataSource = fixture.CreateDataSource();
        await using var other = new PostgresEventStore(otherDataSource, new EventStoreOptions { PollInterval = TimeSpan.FromMinutes(5) });
        var stream = TestEvents.Stream();
        var first = await Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.New()]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = other.SubscribeToAllAsync(first.LastPosition, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = events.MoveNextAsync().AsTask();
        while (other.Watcher.Generation == 0)
        {
            await Task.Yield(); // the listener bumps the generation once it listens
            await Task.Delay(5, timeout.Token);
        }

        await Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.New()]);

        Assert.True(await next);
        Assert.Equal(2, events.Current.Version);
        Assert.True(other.Watcher.NotificationsReceived > 0);
    }

    [Fact]
    public async Task A_slow_subscriber_holds_back_reading_instead_of_buffering()
    {
        var stream = TestEvents.Stream();
        var appended = await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(1000));
        var options = Store.Options with { ReadBatchSize = 50 };
        await using var paged = new PostgresEventStore(fixture.DataSource, options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = paged.SubscribeToAllAsync(appended.Positions[0] - 1, timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await events.MoveNextAsync());
        var readsAfterFirst = paged.PagesRead;
        for (var i = 0; i < 49; i++)
        {
            Assert.True(await events.MoveNextAsync());
        }

        Assert.Equal(readsAfterFirst, paged.PagesRead);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(51, events.Current.Version);
    }
}
