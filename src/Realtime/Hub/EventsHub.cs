using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Presence;

namespace TaskForge.Realtime.Hub;

/// <summary>
/// <c>/hubs/events</c>: subscriptions to the log with resume (ADR 0091). Signed-in users only; the connection closes when
/// its access token expires, unless the client presents a fresh one first (<see cref="RefreshToken"/>, ADR 0138). Errors
/// are <see cref="HubException"/>s whose message starts with a code (<c>VALIDATION</c>, <c>NOT_FOUND</c>,
/// <c>RATE_LIMITED</c>, <c>UNAUTHENTICATED</c>, <c>FORBIDDEN</c>).
/// </summary>
[Authorize]
public sealed class EventsHub(
    EventFanout fanout, PresenceService presence, IScopeParser parser, IHubContext<EventsHub> hub, IOptions<RealtimeOptions> options, RealtimeMetrics metrics,
    IAccessTokenValidator tokens, TimeProvider clock, ILogger<EventsHub> logger) : Microsoft.AspNetCore.SignalR.Hub
{
    public override Task OnConnectedAsync()
    {
        var state = new ConnectionState();
        Context.Items[ConnectionState.Key] = state;
        metrics.ConnectionOpened();
        if (Context.User?.FindFirstValue("exp") is { } exp && long.TryParse(exp, CultureInfo.InvariantCulture, out var seconds))
        {
            state.ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
            var context = Context;
            state.Expiry = clock.CreateTimer(_ => context.Abort(), null, UntilExpiry(state.ExpiresAt.Value), Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public async Task<SubscribeResponse> Subscribe(SubscribeRequest? request)
    {
        request = Valid(request, "{ scopes, after }");
        var user = Guid.TryParse(Context.User?.FindFirstValue("sub"), CultureInfo.InvariantCulture, out var id) ? id : throw new HubException("UNAUTHENTICATED: sign in first");
        var state = State;
        using var lease = state.SubscribeLimiter.AttemptAcquire();
        if (!lease.IsAcquired)
            throw new HubException("RATE_LIMITED: too many subscribes; wait a few seconds");
        if (state.Subscriptions.Count >= options.Value.MaxSubscriptionsPerConnection)
            throw new HubException($"VALIDATION: at most {options.Value.MaxSubscriptionsPerConnection} subscriptions per connection");
        var scopes = new List<Scope>();
        foreach (var text in request.Scopes ?? [])
            scopes.Add(parser.Parse(text) ?? throw new HubException($"VALIDATION: '{Truncate(text)}' is not a scope (workspace:<id>, project:<id>, task:<id> or me)"));

        var result = await fanout.SubscribeAsync(
            new SubscriptionRequest(user, Context.User?.FindFirstValue("email"), scopes, request.After),
            new ConnectionSink(hub, Context.ConnectionId), Context.ConnectionAborted);
        switch (result)
        {
            case SubscribeResult.Subscribed subscribed:
                var subscription = subscribed.Subscription;
                state.Subscriptions[subscription.Id] = subscription;
                metrics.SubscriptionOpened();
                _ = subscription.Completion.ContinueWith(_ =>
                {
                    if (state.Subscriptions.TryRemove(subscription.Id, out var _))
                        metrics.SubscriptionClosed();
                }, TaskScheduler.Default);
                return new SubscribeResponse { SubscriptionId = subscription.Id, LastEventId = subscribed.LastEventId, Replayed = subscribed.Replayed };
            case SubscribeResult.ResyncRequired resync:
                return new SubscribeResponse { ResyncRequired = true, Reason = resync.Reason };
            case SubscribeResult.Refused refused when refused.Scope.Length == 0:
                throw new HubException($"VALIDATION: {refused.Reason}");
            case SubscribeResult.Refused refused:
                throw new HubException($"NOT_FOUND: {refused.Scope} was not found or you are not a member");
            default:
                throw new InvalidOperationException($"Unknown subscribe result {result}");
        }
    }

    public async Task Unsubscribe(string subscriptionId)
    {
        if (subscriptionId is not null && State.Subscriptions.TryRemove(subscriptionId, out var subscription))
        {
            metrics.SubscriptionClosed();
            await subscription.DisposeAsync();
        }
    }

    /// <summary>
    /// Extends the connection with a fresh access token of the same user, sent before the current one expires (as the
    /// client refreshes its session): the connection then closes at the later of the two expiries instead, and presence
    /// and typing show the name the fresh token carries. A connection made with an API key does not expire. Errors:
    /// UNAUTHENTICATED (the token is refused, with why), FORBIDDEN (another user's token), VALIDATION, RATE_LIMITED.
    /// </summary>
    public async Task<RefreshTokenResponse> RefreshToken(RefreshTokenRequest? request)
    {
        request = Valid(request, "{ accessToken }");
        var (user, _) = Caller();
        var state = State;
        using (var lease = state.SubscribeLimiter.AttemptAcquire())
        {
            if (!lease.IsAcquired)
                throw new HubException("RATE_LIMITED: too many calls; wait a few seconds");
        }

        if (string.IsNullOrEmpty(request.AccessToken))
            throw new HubException("VALIDATION: accessToken is required");
        var check = await tokens.ValidateAsync(request.AccessToken, Context.ConnectionAborted);
        if (check.Failure is { } failure)
            throw new HubException($"UNAUTHENTICATED: {failure}");
        if (check.UserId != user)
            throw new HubException("FORBIDDEN: the access token is another user's; connect again to switch users");
        // One invocation at a time per connection (MaximumParallelInvocationsPerClient = 1): no other call moves the expiry.
        // An older token neither brings the close forward nor brings back the name it was issued with.
        if (state.ExpiresAt is { } current && check.ExpiresAt is { } expiresAt && expiresAt < current)
            return new RefreshTokenResponse(current);
        state.DisplayName = check.DisplayName ?? state.DisplayName;
        if (state.Expiry is { } expiry && check.ExpiresAt is { } later && later > state.ExpiresAt)
        {
            state.ExpiresAt = later;
            expiry.Change(UntilExpiry(later), Timeout.InfiniteTimeSpan);
        }

        return new RefreshTokenResponse(state.ExpiresAt);
    }

    /// <summary>Be seen viewing a board (<c>project:&lt;id&gt;</c>) or a task (<c>task:&lt;id&gt;</c>); returns who is there now.</summary>
    public async Task<PresenceChangedMessage> JoinPresence(PresenceRequest? request)
    {
        request = Valid(request, "{ scope }");
        var (user, name) = Caller();
        var state = State;
        LimitPresenceCalls(state);
        var scope = await PresenceScopeAsync(request.Scope, user);
        var key = PresenceService.Key(scope);
        if (!state.Presence.ContainsKey(key) && state.Presence.Count >= options.Value.MaxPresenceScopesPerConnection)
            throw new HubException($"VALIDATION: present in at most {options.Value.MaxPresenceScopesPerConnection} scopes per connection");
        if (!state.Presence.TryAdd(key, scope))
            return await presence.SnapshotAsync(key, Context.ConnectionAborted);
        return await presence.JoinAsync(Context.ConnectionId, scope, user, name, Context.ConnectionAborted);
    }

    public async Task LeavePresence(PresenceRequest? request)
    {
        request = Valid(request, "{ scope }");
        Caller();
        LimitPresenceCalls(State);
        if (parser.Parse(request.Scope ?? "") is { } scope && State.Presence.TryRemove(PresenceService.Key(scope), out var joined))
            await presence.LeaveAsync(Context.ConnectionId, joined, Context.ConnectionAborted);
    }

    /// <summary>
    /// Says the user started (or stopped) typing a comment on the task, to the others viewing it. "Typing" lasts
    /// <see cref="RealtimeOptions.TypingTimeout"/> unless said again; then the others are told the user stopped.
    /// </summary>
    public async Task Typing(TypingRequest? request)
    {
        request = Valid(request, "{ taskId, typing }");
        var (user, name) = Caller();
        var state = State;
        LimitPresenceCalls(state);
        var task = await PresenceScopeAsync(request.TaskId is { } id ? "task:" + id : null, user);
        if (state.Typing.TryRemove(task.Id, out var previous))
            previous.Dispose();
        if (request.Typing)
        {
            var connectionId = Context.ConnectionId;
            var indicator = new TypingIndicator(task, clock, options.Value.TypingTimeout, expired => _ = ExpireTypingAsync(state, expired, connectionId, user, name));
            state.Typing[task.Id] = indicator;
        }

        await presence.TypingAsync(Context.ConnectionId, task, user, name, request.Typing, Context.ConnectionAborted);
    }

    /// <summary>The argument, or a VALIDATION hub error when it is missing or was sent in the wrong shape (its <c>Error</c>).</summary>
    private static T Valid<T>(T? request, string shape) where T : class, IHubArgument =>
        request is null ? throw new HubException($"VALIDATION: the argument must be an object {shape}")
        : request.Error is { } error ? throw new HubException($"VALIDATION: {error}")
        : request;

    private async Task ExpireTypingAsync(ConnectionState state, TypingIndicator expired, string connectionId, Guid user, string name)
    {
        // Only the indicator this timer belongs to: a newer Typing(true) replaced it and has a timer of its own.
        if (!state.Typing.TryRemove(new KeyValuePair<Guid, TypingIndicator>(expired.Task.Id, expired)))
            return;
        expired.Dispose();
        try
        {
            await presence.TypingAsync(connectionId, expired.Task, user, name, false, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A timer's callback: nobody awaits it, so the failure is logged here (the others' indicators then end with the
            // connection, or on their side).
            logger.LogWarning(e, "Could not tell that {UserId} stopped typing in {TaskId}", user, expired.Task.Id);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var state = State;
        // A member who disconnects disappears, and stops typing.
        if (Context.User is { } principal && Guid.TryParse(principal.FindFirstValue("sub"), CultureInfo.InvariantCulture, out var user))
        {
            foreach (var taskId in state.Typing.Keys)
            {
                if (state.Typing.TryRemove(taskId, out var typing))
                {
                    typing.Dispose();
                    await presence.TypingAsync(Context.ConnectionId, typing.Task, user, DisplayName(principal, state), false, CancellationToken.None);
                }
            }
        }

        foreach (var key in state.Presence.Keys)
        {
            if (state.Presence.TryRemove(key, out var scope))
                await presence.LeaveAsync(Context.ConnectionId, scope, CancellationToken.None);
        }

        // Taken off one by one, as Unsubscribe does: a subscription's end (its Completion continuation) takes off only one
        // still there, so each is counted closed once, by whichever of the two gets it first.
        foreach (var id in state.Subscriptions.Keys)
        {
            if (state.Subscriptions.TryRemove(id, out var subscription))
            {
                metrics.SubscriptionClosed();
                await subscription.DisposeAsync();
            }
        }

        await state.DisposeAsync();
        metrics.ConnectionClosed();
    }

    private (Guid User, string Name) Caller() =>
        Guid.TryParse(Context.User?.FindFirstValue("sub"), CultureInfo.InvariantCulture, out var id)
            ? (id, DisplayName(Context.User!, State))
            : throw new HubException("UNAUTHENTICATED: sign in first");

    // The latest token's name (a user who renamed themself and refreshed shows the new one), else the connect's.
    private static string DisplayName(ClaimsPrincipal user, ConnectionState state) =>
        state.DisplayName ?? user.FindFirstValue("name") ?? user.FindFirstValue("email") ?? "";

    private static void LimitPresenceCalls(ConnectionState state)
    {
        using var lease = state.PresenceLimiter.AttemptAcquire();
        if (!lease.IsAcquired)
            throw new HubException("RATE_LIMITED: too many presence calls; wait a few seconds");
    }

    private async Task<Scope> PresenceScopeAsync(string? text, Guid user)
    {
        var scope = parser.Parse(text ?? "");
        if (scope is null || scope.Kind is not (ScopeKind.Project or ScopeKind.Task))
            throw new HubException($"VALIDATION: '{Truncate(text)}' is not a presence scope (project:<id> or task:<id>)");
        return await presence.AuthorizeAsync(user, scope, Context.ConnectionAborted)
            ?? throw new HubException($"NOT_FOUND: {scope} was not found or you are not a member");
    }

    private TimeSpan UntilExpiry(DateTimeOffset expiresAt)
    {
        var left = expiresAt - clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private ConnectionState State => (ConnectionState)Context.Items[ConnectionState.Key]!;

    private static string Truncate(string? text) => text is null ? "" : text.Length > 80 ? text[..80] : text;
}
