using Npgsql;
using TaskForge.EventStore.Appending;
using TaskForge.Testing;

namespace TaskForge.EventStore.Tests.Faults;

public sealed class LostAcknowledgementTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task A_commit_whose_acknowledgement_is_lost_is_reported_unknown_and_a_retry_with_the_same_ids_stores_one_copy()
    {
        await using var proxy = new CuttingProxy(new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Port);
        await using var store = ProxiedStore(proxy);
        var stream = TestEvents.Stream();
        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.New()]);
        await WarmUpAsync(store);
        var events = TestEvents.Many(3);

        proxy.CutNextResponse();
        await Assert.ThrowsAsync<AppendOutcomeUnknownException>(() => store.AppendAsync(stream, ExpectedVersion.Exactly(1), events));
        var retried = await store.AppendAsync(stream, ExpectedVersion.Exactly(1), events);

        Assert.True(retried.AlreadyStored);
        var stored = await fixture.Store.ReadStreamAsync(stream);
        Assert.Equal(4, stored.Count);
        Assert.Equal(events.Select(e => e.EventId), stored.Skip(1).Select(e => e.EventId));
    }

    [Fact]
    public async Task A_request_lost_before_the_server_is_reported_unknown_and_the_retry_writes_it_once()
    {
        await using var proxy = new CuttingProxy(new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Port);
        await using var store = ProxiedStore(proxy);
        var stream = TestEvents.Stream();
        await fixture.Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.New()]);
        await WarmUpAsync(store);
        var events = TestEvents.Many(2);

        proxy.CutNextRequest();
        await Assert.ThrowsAsync<AppendOutcomeUnknownException>(() => store.AppendAsync(stream, ExpectedVersion.Exactly(1), events));
        Assert.Single(await fixture.Store.ReadStreamAsync(stream));
        var retried = await store.AppendAsync(stream, ExpectedVersion.Exactly(1), events);

        Assert.False(retried.AlreadyStored);
        Assert.Equal(3, (await fixture.Store.ReadStreamAsync(stream)).Count);
    }

    // Leaves one idle connection in the pool with the append statement prepared on it, so the cut hits the
    // append's execution itself and not a connection handshake or a statement preparation.
    private static async Task WarmUpAsync(PostgresEventStore store) =>
        await store.AppendAsync(TestEvents.Stream(), ExpectedVersion.NoStream, [TestEvents.New()]);

    private PostgresEventStore ProxiedStore(CuttingProxy proxy)
    {
        var dataSource = fixture.CreateDataSource(b =>
        {
            b.Host = "127.0.0.1";
            b.Port = proxy.Port;
            b.Pooling = true;
            b.MaxPoolSize = 1;
        });
        // No NOTIFY: it would share the single pooled connection with the append under test.
        return new PostgresEventStore(dataSource, new EventStoreOptions { NotifyOtherProcesses = false });
    }
}
