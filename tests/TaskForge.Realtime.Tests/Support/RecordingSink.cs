using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime.Tests.Support;

/// <summary>A subscriber that records what it is sent; <see cref="Hold"/> makes it stop taking live events (a slow client).</summary>
public sealed class RecordingSink : ISubscriptionSink
{
    private readonly Lock _gate = new();
    private readonly List<RealtimeEvent> _events = [];
    private readonly Dictionary<long, long> _receivedAt = [];
    private readonly SemaphoreSlim _held = new(0);
    private volatile bool _holding;

    public IReadOnlyList<RealtimeEvent> Events
    {
        get
        {
            lock (_gate)
                return [.. _events];
        }
    }

    public IReadOnlyList<long> Ids => [.. Events.Select(e => e.Id)];

    /// <summary>How many events had been sent when Live came (null before).</summary>
    public int? EventsBeforeLive { get; private set; }

    public long? LiveAt { get; private set; }

    public string? EndedReason { get; private set; }

    public void Hold() => _holding = true;

    /// <summary>When the event reached this sink (Stopwatch ticks).</summary>
    public long ReceivedAt(long id)
    {
        lock (_gate)
            return _receivedAt[id];
    }

    public ValueTask EventAsync(string subscriptionId, RealtimeEvent e, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.Add(e);
            _receivedAt[e.Id] = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        return _holding ? new ValueTask(_held.WaitAsync(cancellationToken)) : ValueTask.CompletedTask;
    }

    public ValueTask LiveAsync(string subscriptionId, long lastEventId, CancellationToken cancellationToken)
    {
        lock (_gate)
            EventsBeforeLive = _events.Count;
        LiveAt = lastEventId;
        return ValueTask.CompletedTask;
    }

    public ValueTask EndedAsync(string subscriptionId, string reason, CancellationToken cancellationToken)
    {
        EndedReason = reason;
        return ValueTask.CompletedTask;
    }

    public Task ReceivedAsync(long lastId, string? what = null) =>
        Eventually.TrueAsync(() => Events.Count > 0 && Events[^1].Id >= lastId, what ?? $"event {lastId} to arrive");
}
