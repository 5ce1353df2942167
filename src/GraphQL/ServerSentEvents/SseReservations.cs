using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace TaskForge.GraphQL.ServerSentEvents;

/// <summary>
/// The reservations of one endpoint's single connection mode: a token, the stream that fulfils it (at most one),
/// the operations running for it and the events waiting for its stream. Unfulfilled reservations expire.
/// </summary>
internal sealed class SseReservations(GraphQLSseOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Reservation> _reservations = new(StringComparer.Ordinal);

    public int Count => _reservations.Count;

    public Reservation? Create()
    {
        DropExpired();
        if (_reservations.Count >= options.MaxReservations)
        {
            return null;
        }

        var reservation = new Reservation(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), time.GetUtcNow());
        _reservations[reservation.Token] = reservation;
        return reservation;
    }

    public Reservation? Find(string token)
    {
        DropExpired();
        return _reservations.GetValueOrDefault(token);
    }

    public async Task RemoveAsync(Reservation reservation)
    {
        _reservations.TryRemove(new KeyValuePair<string, Reservation>(reservation.Token, reservation));
        await reservation.Lifetime.CancelAsync();
        reservation.Events.Writer.TryComplete();
    }

    private void DropExpired()
    {
        var deadline = time.GetUtcNow() - options.ReservationTimeout;
        foreach (var reservation in _reservations.Values)
        {
            if (!reservation.IsConnected && reservation.CreatedAt < deadline)
            {
                _ = RemoveAsync(reservation);
            }
        }
    }

    internal sealed class Reservation(string token, DateTimeOffset createdAt)
    {
        private int _connected;

        public string Token { get; } = token;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        /// <summary>Cancelled when the stream ends or the reservation expires: stops every operation.</summary>
        public CancellationTokenSource Lifetime { get; } = new();

        /// <summary>Events for the stream; bounded so that a slow client slows its operations down rather than filling memory.</summary>
        public Channel<byte[]> Events { get; } = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1024) { SingleReader = true });

        public ConcurrentDictionary<string, CancellationTokenSource> Operations { get; } = new(StringComparer.Ordinal);

        public bool IsConnected => Volatile.Read(ref _connected) == 1;

        /// <summary>True for the one stream that may fulfil the reservation.</summary>
        public bool TryConnect() => Interlocked.CompareExchange(ref _connected, 1, 0) == 0;
    }
}
