using Marten;
using TaskForge.Storage.Events;
using TaskForge.Testing;

namespace TaskForge.Storage.Tests.EventStore;

public sealed class HeaderRoundTripTests(MartenStoreFixture fixture) : IClassFixture<MartenStoreFixture>
{
    /// <summary>
    /// The occurred-at header came back from Marten as a DateTime and was read through an invariant-culture string, which
    /// dropped the fraction of a second: every event's occurredAt (realtime, feeds, history) was up to a second early.
    /// </summary>
    [Fact]
    public async Task Bug_occurred_at_read_back_lost_its_fraction_of_a_second()
    {
        var stream = "occurred-" + Guid.NewGuid().ToString("N");
        var occurredAt = new DateTimeOffset(2026, 12, 7, 10, 9, 0, TimeSpan.Zero).AddTicks(8_120_975);
        var actor = Guid.NewGuid();
        var workspace = Guid.NewGuid();
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append(stream, EventEnvelope.Wrap(new Stamped(1)).Stamp(actor, workspace, occurredAt));
            await session.SaveChangesAsync();
        }

        await using var query = fixture.Store.QuerySession();
        var stored = Assert.Single(await query.Events.FetchStreamAsync(stream));
        var raw = Assert.Single(await query.Events.QueryAllRawEvents().Where(e => e.StreamKey == stream).ToListAsync());

        Assert.Equal(occurredAt, stored.OccurredAt());
        Assert.Equal(occurredAt, raw.OccurredAt());
        Assert.Equal(actor, stored.ActorId());
        Assert.Equal(workspace, stored.WorkspaceId());
    }

    private sealed record Stamped(int Value);
}
