using TaskForge.EventStore.Appending;
using TaskForge.Testing;

namespace TaskForge.EventStore.Tests.Reading;

public sealed class ReadTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    private PostgresEventStore Store => fixture.Store;

    [Fact]
    public async Task Read_stream_from_and_up_to_a_version()
    {
        var stream = TestEvents.Stream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(10));

        var middle = await Store.ReadStreamAsync(stream, fromVersion: 4, toVersion: 6);

        Assert.Equal([4L, 5L, 6L], middle.Select(e => e.Version));
        Assert.Empty(await Store.ReadStreamAsync(TestEvents.Stream()));
        Assert.Equal(10, await Store.ReadStreamVersionAsync(stream));
        Assert.Equal(0, await Store.ReadStreamVersionAsync(TestEvents.Stream()));
    }

    [Fact]
    public async Task Read_stream_as_of_a_point_in_time_returns_the_events_recorded_by_then()
    {
        var stream = TestEvents.Stream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(2));
        var between = (await Store.ReadStreamAsync(stream))[^1].CreatedAt;
        await SetRecordedAtAsync(stream, 1, between.AddSeconds(-2));
        await SetRecordedAtAsync(stream, 2, between.AddSeconds(-1));
        await Store.AppendAsync(stream, ExpectedVersion.Exactly(2), TestEvents.Many(1));

        var asOf = await Store.ReadStreamAsOfAsync(stream, between.AddMilliseconds(-500));
        var before = await Store.ReadStreamAsOfAsync(stream, between.AddSeconds(-10));

        Assert.Equal([1L, 2L], asOf.Select(e => e.Version));
        Assert.Empty(before);
    }

    [Fact]
    public async Task Time_travel_returns_a_prefix_even_when_a_later_version_has_an_earlier_clock_reading()
    {
        var stream = TestEvents.Stream();
        await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(3));
        var t = DateTimeOffset.UtcNow.AddMinutes(-10);
        await SetRecordedAtAsync(stream, 1, t);
        await SetRecordedAtAsync(stream, 2, t.AddMinutes(2));
        await SetRecordedAtAsync(stream, 3, t.AddMinutes(1));

        var asOf = await Store.ReadStreamAsOfAsync(stream, t.AddMinutes(1.5));

        Assert.Equal([1L], asOf.Select(e => e.Version));
    }

    [Fact]
    public async Task Read_all_resumes_exactly_after_any_position()
    {
        var streams = Enumerable.Range(0, 5).Select(_ => TestEvents.Stream()).ToArray();
        foreach (var stream in streams)
        {
            await Store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(7));
        }

        var all = await LogReader.ReadToHeadAsync(Store, 0, pageSize: 4);
        var ours = all.Where(e => streams.Contains(e.StreamId)).ToList();
        Assert.Equal(35, ours.Count);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Position < p.Second.Position));
        foreach (var cut in new[] { 0, 1, 17, all.Count - 1 })
        {
            var rest = await LogReader.ReadToHeadAsync(Store, all[cut].Position, pageSize: 4);
            Assert.Equal(all.Skip(cut + 1).Select(e => e.EventId), rest.Select(e => e.EventId));
        }
    }

    [Fact]
    public async Task An_event_committed_late_by_an_earlier_transaction_is_not_skipped_by_a_reader_that_saw_a_later_one()
    {
        await using var slow = await fixture.DataSource.OpenConnectionAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        var slowStream = TestEvents.Stream();
        await Store.AppendAsync(slow, transaction, slowStream, ExpectedVersion.NoStream, [TestEvents.New()]);

        var fastStream = TestEvents.Stream();
        await Store.AppendAsync(fastStream, ExpectedVersion.NoStream, [TestEvents.New()]);
        var whileOpen = await Store.ReadAllAsync(0, 10_000);
        var cursor = whileOpen.Events.Count == 0 ? 0 : whileOpen.Events[^1].Position;
        Assert.DoesNotContain(whileOpen.Events, e => e.StreamId == fastStream);
        Assert.True(whileOpen.Withheld);

        await transaction.CommitAsync();
        var after = await LogReader.ReadToHeadAsync(Store, cursor);

        Assert.Equal([slowStream, fastStream], after.Select(e => e.StreamId));
    }

    [Fact]
    public async Task Several_streams_read_in_one_call_each_from_its_own_version()
    {
        var (a, b, empty) = (TestEvents.Stream(), TestEvents.Stream(), TestEvents.Stream());
        await Store.AppendAsync(a, ExpectedVersion.NoStream, TestEvents.Many(5));
        await Store.AppendAsync(b, ExpectedVersion.NoStream, TestEvents.Many(3));

        var read = await Store.ReadStreamsAsync([new(a, 4), new(b), new(empty)]);

        Assert.Equal([4L, 5L], read[a].Select(e => e.Version));
        Assert.Equal([1L, 2L, 3L], read[b].Select(e => e.Version));
        Assert.Empty(read[empty]);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadStreamsAsync([new(a), new(a)]));
    }

    [Fact]
    public async Task Events_are_found_by_their_event_ids()
    {
        var events = TestEvents.Many(3);
        await Store.AppendAsync(TestEvents.Stream(), ExpectedVersion.NoStream, events);

        var found = await Store.ReadEventsByIdAsync([events[2].EventId, events[0].EventId, Guid.NewGuid()]);

        Assert.Equal([events[0].EventId, events[2].EventId], found.Select(e => e.EventId));
    }

    private async Task SetRecordedAtAsync(string stream, long version, DateTimeOffset at)
    {
        await using var command = fixture.DataSource.CreateCommand("UPDATE taskforge.events SET created_at = @at WHERE stream_id = @s AND version = @v");
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        command.Parameters.AddWithValue("s", stream);
        command.Parameters.AddWithValue("v", version);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
