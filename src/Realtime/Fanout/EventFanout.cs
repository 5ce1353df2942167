using Microsoft.Extensions.Options;
using TaskForge.Projections.Membership;
using TaskForge.Realtime.Authorization;
using TaskForge.Storage.EventLog;

namespace TaskForge.Realtime.Fanout;

/// <summary>
/// The node's subscriptions and the position the tailer has published up to. The tailer publishes each event once, in
/// log order; a subscription registers under the same lock, so it is offered exactly the events past the position it
/// registered at, and replays the log up to that position itself (ADR 0091).
/// </summary>
public sealed class EventFanout(
    EventLogReader reader, LogEnd logEnd, MembershipReader membership, ScopeResolver scopes, IOptions<RealtimeOptions> options, RealtimeMetrics metrics)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SubscriptionRoutes _routes = SubscriptionRoutes.Empty;
    private long _position;

    /// <summary>The log position every event up to which has been published (0 until the tailer starts).</summary>
    public long Position => Volatile.Read(ref _position);

    public int SubscriptionCount => Volatile.Read(ref _routes).All.Length;

    internal RealtimeMetrics Metrics => metrics;

    /// <summary>Subscribes; the replay's events go to <paramref name="sink"/> before this returns.</summary>
    public async Task<SubscribeResult> SubscribeAsync(SubscriptionRequest request, ISubscriptionSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        var settings = options.Value;
        if (request.Scopes.Count == 0 || request.Scopes.Count > settings.MaxScopesPerSubscription)
            return new SubscribeResult.Refused("", $"between 1 and {settings.MaxScopesPerSubscription} scopes");
        var resolved = new List<Scope>(request.Scopes.Count);
        foreach (var scope in request.Scopes.Distinct())
        {
            if (await scopes.ResolveAsync(scope, cancellationToken) is not { } found)
                return new SubscribeResult.Refused(scope.ToString(), "not found");
            resolved.Add(found);
        }

        var state = new MembershipState(request.UserId, await membership.PeriodsOfAsync(request.UserId, cancellationToken));
        if (resolved.FirstOrDefault(s => s.WorkspaceId is { } w && !state.IsMember(w)) is { } forbidden)
            return new SubscribeResult.Refused(forbidden.ToString(), "not found");

        await _started.Task.WaitAsync(cancellationToken);
        // Ahead of this node is fine (another node may have sent further); ahead of the log itself is an ID from elsewhere,
        // and trusting it would hold back every event up to it without a word.
        if (request.After is { } ahead && ahead > Position && await logEnd.ReadAsync(cancellationToken) is var end && ahead > end)
        {
            metrics.Resync("ahead-of-log");
            return new SubscribeResult.ResyncRequired(
                $"after {ahead} is ahead of the log, whose last event ID is {end}: the ID comes from another database (reset or restored) or is not an event ID");
        }

        var subscription = new Subscription(request with { Scopes = resolved }, state, sink, this, settings.SubscriptionBufferCapacity);
        long switchPosition;
        lock (_gate)
        {
            switchPosition = _position;
            _routes = _routes.With(subscription);
        }

        if (request.After is { } after && switchPosition - after > settings.MaxReplayEvents)
        {
            Remove(subscription);
            metrics.Resync("too-far-behind");
            return new SubscribeResult.ResyncRequired(
                $"too far behind: {switchPosition - after} log positions after {after}, more than the bound of {settings.MaxReplayEvents}");
        }

        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var (last, replayed) = await subscription.StartAsync(reader, request.After, switchPosition, settings, cancellationToken);
            if (request.After is not null)
                metrics.Replayed(replayed, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return new SubscribeResult.Subscribed(subscription, last, replayed);
        }
        catch
        {
            await subscription.DisposeAsync();
            throw;
        }
    }

    internal void Start(long position)
    {
        lock (_gate)
            _position = position;
        _started.TrySetResult();
    }

    /// <summary>Offers the events (in log order, all after <see cref="Position"/>) to every subscription; moves the position.</summary>
    internal void Publish(IReadOnlyList<RealtimeEvent> events, long position)
    {
        lock (_gate)
        {
            var routes = _routes;
            foreach (var e in events)
                routes.Offer(e);

            _position = position;
        }
    }

    internal void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _routes = _routes.Without(subscription);
        }
    }
}
