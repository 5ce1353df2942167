using System.Threading.Channels;
using TaskForge.Domain;
using TaskForge.Domain.Workspaces;
using TaskForge.Realtime.Authorization;
using TaskForge.Storage.EventLog;

namespace TaskForge.Realtime.Fanout;

/// <summary>
/// One subscriber's view of the log. The tailer offers it every event past the position it registered at, into a
/// bounded buffer (a full buffer ends it: the subscriber is told to resync). It first replays the log up to that
/// position, then drains the buffer, skipping what the replay covered (ADR 0091), and applies the user's membership
/// events as it goes so that each event is authorized as of its own position (ADR 0092).
/// </summary>
public sealed class Subscription : IAsyncDisposable
{
    private readonly SubscriptionRequest _request;
    private readonly MembershipState _membership;
    private readonly ISubscriptionSink _sink;
    private readonly EventFanout _fanout;
    private readonly Channel<RealtimeEvent> _buffer;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _overflow = new();
    private readonly string _inbox;
    private readonly bool _followsMe;
    private volatile bool _overflowed;
    private Task _pump = Task.CompletedTask;
    private int _ended;
    private int _disposed;

    internal Subscription(SubscriptionRequest request, MembershipState membership, ISubscriptionSink sink, EventFanout fanout, int capacity)
    {
        _request = request;
        _membership = membership;
        _sink = sink;
        _fanout = fanout;
        _inbox = StreamIds.Inbox(request.UserId);
        _followsMe = request.Scopes.Any(s => s.Kind == ScopeKind.Me);
        _buffer = Channel.CreateBounded<RealtimeEvent>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public Guid UserId => _request.UserId;

    public IReadOnlyList<Scope> Scopes => _request.Scopes;

    /// <summary>Ends when the subscription does (unsubscribed, membership lost, overflow).</summary>
    public Task Completion => _pump;

    /// <summary>Called by the tailer, under the fan-out's lock, for each event in log order. Never blocks.</summary>
    internal void Offer(RealtimeEvent e)
    {
        if (_overflowed || !Wants(e))
            return;
        if (!_buffer.Writer.TryWrite(e))
        {
            _overflowed = true;
            _buffer.Writer.TryComplete();
            // Cuts short a send the subscriber is not taking, so that it can be told; CancelAsync runs the callbacks on
            // the thread pool, not here under the fan-out's lock.
            _ = _overflow.CancelAsync();
        }
    }

    /// <summary>Replays (after, switchPosition] from the log, says Live, and starts the live pump.</summary>
    internal async Task<(long LastEventId, int Replayed)> StartAsync(EventLogReader reader, long? after, long switchPosition, RealtimeOptions options, CancellationToken cancellationToken)
    {
        var replayed = 0;
        var cursor = after ?? switchPosition;
        while (cursor < switchPosition)
        {
            var page = await reader.ReadAsync(cursor, options.PageSize, cancellationToken);
            foreach (var stored in page.Events)
            {
                if (stored.Sequence > switchPosition)
                    break;
                var e = RealtimeEvent.From(stored);
                if (Wants(e) && await ProcessAsync(e, live: false, cancellationToken))
                    replayed++;
                cursor = stored.Sequence;
            }

            // A short page holds every event up to the mark, and the mark is at or past the switch position.
            if (page.Events.Count < options.PageSize)
                cursor = switchPosition;
        }

        var last = Math.Max(after ?? 0, switchPosition);
        if (LostWorkspace() is not null || _overflowed)
        {
            await EndAsync(_overflowed ? EndReasons.ResyncRequired : EndReasons.MembershipLost, cancellationToken);
            return (last, replayed);
        }

        await _sink.LiveAsync(Id, last, cancellationToken);
        _pump = Task.Run(() => PumpAsync(last), CancellationToken.None);
        return (last, replayed);
    }

    private async Task PumpAsync(long last)
    {
        var token = _stop.Token;
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(token, _overflow.Token);
        try
        {
            await foreach (var e in _buffer.Reader.ReadAllAsync(token))
            {
                if (_overflowed)
                    break;
                if (e.Id <= last)
                    continue;
                last = e.Id;
                await ProcessAsync(e, live: true, sending.Token);
                if (Volatile.Read(ref _ended) == 1)
                    return;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException) when (_overflowed)
        {
        }
        finally
        {
            _fanout.Remove(this);
        }

        try
        {
            if (_overflowed)
                await EndAsync(EndReasons.ResyncRequired, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    /// <summary>Applies the user's membership changes, then sends the event if it is in scope and visible; true when sent.</summary>
    private async ValueTask<bool> ProcessAsync(RealtimeEvent e, bool live, CancellationToken cancellationToken)
    {
        var concerns = _membership.Concerns(e.Payload);
        var left = concerns ? _membership.Apply(e.Payload, e.Id) : null;
        var send = Matches(e) && (Visible(e) || (concerns && _followsMe));
        if (send)
        {
            await _sink.EventAsync(Id, e, cancellationToken);
            _fanout.Metrics.Delivered(e, live);
        }

        // During a replay the user may have left and come back later in the replayed range: that is judged at its end.
        if (live && left is { } workspace && !_membership.IsMember(workspace) && Scopes.Any(s => s.WorkspaceId == workspace))
            await EndAsync(EndReasons.MembershipLost, cancellationToken);
        return send;
    }

    /// <summary>Members see a workspace's events from the one that added them to the one that removed them, while still members (ADR 0064).</summary>
    private bool Visible(RealtimeEvent e)
    {
        if (e.StreamId == _inbox || IsInvitationToMe(e.Payload))
            return true;
        return e.WorkspaceId is { } w && _membership.WasMemberAt(w, e.Id) && _membership.IsMember(w);
    }

    /// <summary>What the tailer buffers: a scope match, or a membership event of the user. Reads only what never changes.</summary>
    private bool Wants(RealtimeEvent e) => _membership.Concerns(e.Payload) || Matches(e);

    private bool Matches(RealtimeEvent e)
    {
        foreach (var scope in Scopes)
        {
            var match = scope.Kind switch
            {
                ScopeKind.Workspace => e.WorkspaceId == scope.Id,
                ScopeKind.Project => e.ProjectId == scope.Id,
                ScopeKind.Task => e.TaskId == scope.Id,
                _ => e.StreamId == _inbox || IsInvitationToMe(e.Payload) || _membership.Concerns(e.Payload),
            };
            if (match)
                return true;
        }

        return false;
    }

    private bool IsInvitationToMe(object payload) => _request.Email is { } email && payload switch
    {
        WorkspaceEvent.MemberInvited i => string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase),
        WorkspaceEvent.InvitationRevoked r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase),
        WorkspaceEvent.InvitationDeclined d => string.Equals(d.Email, email, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private Guid? LostWorkspace() =>
        Scopes.Select(s => s.WorkspaceId).FirstOrDefault(w => w is { } id && !_membership.IsMember(id));

    private async ValueTask EndAsync(string reason, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _ended, 1) == 1)
            return;
        _fanout.Remove(this);
        if (reason == EndReasons.ResyncRequired)
            _fanout.Metrics.Resync("overflow");
        await _sink.EndedAsync(Id, reason, cancellationToken);
    }

    /// <summary>Stops the subscription (unsubscribe, disconnect) without telling the subscriber.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        Interlocked.Exchange(ref _ended, 1);
        _fanout.Remove(this);
        _buffer.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _overflow.Dispose();
    }
}
