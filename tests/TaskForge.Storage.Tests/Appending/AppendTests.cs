using TaskForge.EventStore.Appending;
using TaskForge.Testing;

namespace TaskForge.EventStore.Tests.Appending;

public sealed class AppendTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    private PostgresEventStore Store => fixture.Store;

    [Fact]
    public async Task Append_to_a_new_stream_numbers_versions_from_one_and_reads_back_in_order()
    {
        var stream = TestEvents.Stream();
        var events = TestEvents.Many(3);

        var result = await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);

        Assert.Equal(3, result.StreamVersion);
        Assert.False(result.AlreadyStored);
        Assert.Equal(3, result.Positions.Count);
        Assert.True(result.Positions[0] < result.Positions[1] && result.Positions[1] < result.Positions[2]);
        var read = await Store.ReadStreamAsync(stream);
        Assert.Equal([1L, 2L, 3L], read.Select(e => e.Version));
        Assert.Equal(events.Select(e => e.EventId), read.Select(e => e.EventId));
        Assert.Equal(result.Positions, read.Select(e => e.Position));
        Assert.Equal("user-1", read[0].Metadata.ActorId);
        Assert.Equal("corr-1", read[0].Metadata.CorrelationId);
        Assert.Equal("""{"n": 1}""", read[1].Data);
    }

    [Fact]
    public async Task Stale_expected_version_fails_with_the_current_version_and_writes_nothing()
    {
        var stream = TestEvents.Stream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(2));

        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(
            () => Store.AppendAsync(stream, ExpectedVersion.Exactly(1), [TestEvents.New()]));

        Assert.Equal(2, conflict.CurrentVersion);
        Assert.Equal(stream, conflict.StreamId);
        Assert.Equal(2, (await Store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task No_stream_on_an_existing_stream_and_stream_exists_on_a_missing_one_conflict()
    {
        var stream = TestEvents.Stream();
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendAsync(stream, ExpectedVersion.StreamExists, [TestEvents.New()]));
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.New()]);
        var conflict = await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendAsync(stream, ExpectedVersion.NoStream, [TestEvents.New()]));
        Assert.Equal(1, conflict.CurrentVersion);
        var appended = await Store.AppendAsync(stream, ExpectedVersion.StreamExists, [TestEvents.New()]);
        Assert.Equal(2, appended.StreamVersion);
    }

    [Fact]
    public async Task Any_appends_after_whatever_is_there()
    {
        var stream = TestEvents.Stream();
        await Store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(2));
        var result = await Store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(2));
        Assert.Equal(4, result.StreamVersion);
    }

    [Fact]
    public async Task Appending_stored_event_ids_again_returns_the_stored_positions_and_writes_nothing()
    {
        var stream = TestEvents.Stream();
        var events = TestEvents.Many(3);
        var first = await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);

        var again = await Store.AppendAsync(stream, ExpectedVersion.NoStream, events);

        Assert.True(again.AlreadyStored);
        Assert.Equal(first.Positions, again.Positions);
        Assert.Equal(3, again.StreamVersion);
        Assert.Equal(3, (await Store.ReadStreamAsync(stream)).Count);
    }

    [Fact]
    public async Task Partly_stored_event_ids_are_refused()
    {
        var stream = TestEvents.Stream();
        var stored = TestEvents.New();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, [stored]);

        await Assert.ThrowsAsync<EventIdReusedException>(() => Store.AppendAsync(stream, ExpectedVersion.Any, [stored, TestEvents.New()]));
        await Assert.ThrowsAsync<EventIdReusedException>(() => Store.AppendAsync(TestEvents.Stream(), ExpectedVersion.Any, [stored]));
        Assert.Single(await Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_sent()
    {
        var duplicate = TestEvents.New();
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(TestEvents.Stream(), ExpectedVersion.Any, [duplicate, duplicate]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync("", ExpectedVersion.Any, [TestEvents.New()]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(TestEvents.Stream(), ExpectedVersion.Any, [TestEvents.New(type: "")]));
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Store.AppendAsync(TestEvents.Stream(), ExpectedVersion.Any, [TestEvents.New(data: "{not json")]));
    }

    [Fact]
    public async Task Empty_append_checks_the_version_only()
    {
        var stream = TestEvents.Stream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(1));
        var ok = await Store.AppendAsync(stream, ExpectedVersion.Exactly(1), []);
        Assert.Equal(1, ok.StreamVersion);
        await Assert.ThrowsAsync<WrongExpectedVersionException>(() => Store.AppendAsync(stream, ExpectedVersion.Exactly(5), []));
    }

    [Fact]
    public async Task The_stores_data_source_plans_prepared_statements_generically_and_appends_through_it()
    {
        await using var dataSource = PostgresEventStore.CreateDataSource(fixture.ConnectionString);
        await using var store = new PostgresEventStore(dataSource);
        await using var show = dataSource.CreateCommand("SHOW plan_cache_mode");

        Assert.Equal("force_generic_plan", await show.ExecuteScalarAsync());
        for (var i = 0; i < 8; i++)
        {
            // Past the five custom-plan executions PostgreSQL would otherwise start with.
            await store.AppendAsync(TestEvents.Stream(), ExpectedVersion.NoStream, TestEvents.Many(1 + (i % 3)));
        }
    }
}
