using TaskForge.GraphQL.ServerSentEvents;

namespace TaskForge.GraphQL.Tests.Transport;

public sealed class SseReservationsTests
{
    [Fact]
    public void Given_unfulfilled_reservation_When_its_timeout_passes_Then_it_is_dropped_but_a_connected_one_stays()
    {
        var time = new ManualTime();
        var reservations = new SseReservations(new GraphQLSseOptions { ReservationTimeout = TimeSpan.FromSeconds(30) }, time);
        var idle = reservations.Create()!;
        var connected = reservations.Create()!;
        Assert.True(connected.TryConnect());

        time.Now += TimeSpan.FromSeconds(31);

        Assert.Null(reservations.Find(idle.Token));
        Assert.Same(connected, reservations.Find(connected.Token));
        Assert.True(idle.Lifetime.IsCancellationRequested);
    }

    [Fact]
    public void Given_the_maximum_of_reservations_When_one_more_is_asked_for_Then_none_is_given()
    {
        var reservations = new SseReservations(new GraphQLSseOptions { MaxReservations = 2 }, new ManualTime());

        Assert.NotNull(reservations.Create());
        Assert.NotNull(reservations.Create());
        Assert.Null(reservations.Create());
        Assert.Equal(2, reservations.Count);
    }

    [Fact]
    public void Tokens_are_unguessable_and_only_one_stream_fulfils_a_reservation()
    {
        var reservations = new SseReservations(new GraphQLSseOptions(), new ManualTime());
        var first = reservations.Create()!;
        var second = reservations.Create()!;

        Assert.Equal(32, first.Token.Length);
        Assert.NotEqual(first.Token, second.Token);
        Assert.True(first.TryConnect());
        Assert.False(first.TryConnect());
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
