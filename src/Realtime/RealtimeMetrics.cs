using System.Diagnostics;
using System.Diagnostics.Metrics;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime;

/// <summary>The meter <c>TaskForge.Realtime</c>: connections, subscriptions, presence members, deliveries, commit-to-send and read-to-send latency, replays, resyncs.</summary>
public sealed class RealtimeMetrics
{
    public const string MeterName = "TaskForge.Realtime";

    private readonly Counter<long> _delivered;
    private readonly Histogram<double> _commitToSend;
    private readonly Histogram<double> _readToSend;
    private readonly Histogram<long> _replaySize;
    private readonly Histogram<double> _replayTime;
    private readonly Counter<long> _resyncs;
    private long _connections;
    private long _subscriptions;
    private long _presence;

    public RealtimeMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _delivered = meter.CreateCounter<long>("taskforge.realtime.events_delivered", "{event}", "Events sent to subscribers");
        _commitToSend = meter.CreateHistogram<double>("taskforge.realtime.commit_to_send", "ms", "From an event's commit (database clock) to its send to a live subscriber");
        _readToSend = meter.CreateHistogram<double>("taskforge.realtime.read_to_send", "ms", "From the tailer's read of an event to its send to a live subscriber (the fan-out's queueing)");
        _replaySize = meter.CreateHistogram<long>("taskforge.realtime.replay_size", "{event}", "Events replayed per resume");
        _replayTime = meter.CreateHistogram<double>("taskforge.realtime.replay_duration", "ms", "Time to replay a resume");
        _resyncs = meter.CreateCounter<long>("taskforge.realtime.resyncs", "{resync}", "Subscribers told to resync");
        // Observed rather than added to, so that a node with no connection yet reports 0 instead of nothing.
        meter.CreateObservableUpDownCounter("taskforge.realtime.connections", () => Interlocked.Read(ref _connections), "{connection}", "Open hub connections");
        meter.CreateObservableUpDownCounter("taskforge.realtime.subscriptions", () => Interlocked.Read(ref _subscriptions), "{subscription}", "Live subscriptions");
        meter.CreateObservableUpDownCounter(
            "taskforge.realtime.presence_members", () => Interlocked.Read(ref _presence), "{member}", "Connections of this node present in a board or task");
    }

    internal void Delivered(RealtimeEvent e, bool live)
    {
        _delivered.Add(1, new KeyValuePair<string, object?>("phase", live ? "live" : "replay"));
        if (live && e.CommittedAt != default)
            _commitToSend.Record((DateTimeOffset.UtcNow - e.CommittedAt).TotalMilliseconds);
        if (live && e.ReadAt != 0)
            _readToSend.Record(Stopwatch.GetElapsedTime(e.ReadAt).TotalMilliseconds);
    }

    internal void Replayed(int events, TimeSpan took)
    {
        _replaySize.Record(events);
        _replayTime.Record(took.TotalMilliseconds);
    }

    internal void Resync(string cause) => _resyncs.Add(1, new KeyValuePair<string, object?>("cause", cause));

    public void ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    public void SubscriptionOpened() => Interlocked.Increment(ref _subscriptions);

    public void SubscriptionClosed() => Interlocked.Decrement(ref _subscriptions);

    public void PresenceJoined() => Interlocked.Increment(ref _presence);

    public void PresenceLeft() => Interlocked.Decrement(ref _presence);

    internal static long Now() => Stopwatch.GetTimestamp();
}
