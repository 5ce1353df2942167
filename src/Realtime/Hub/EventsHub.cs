using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime.Hub;

/// <summary>
/// <c>/hubs/events</c>: subscriptions to the log with resume (ADR 0091). Signed-in users only; the connection closes when
/// its access token expires. Errors are <see cref="HubException"/>s whose message starts with a code
/// (<c>VALIDATION</c>, <c>NOT_FOUND</c>, <c>RATE_LIMITED</c>, <c>UNAUTHENTICATED</c>).
/// </summary>
[Authorize]
public sealed class EventsHub(
    EventFanout fanout, IScopeParser parser, IHubContext<EventsHub> hub, IOptions<RealtimeOptions> options, RealtimeMetrics metrics, TimeProvider clock) : Microsoft.AspNetCore.SignalR.Hub
{
    public override Task OnConnectedAsync()
    {
        var state = new ConnectionState();
        Context.Items[ConnectionState.Key] = state;
        metrics.ConnectionOpened();
        if (Context.User?.FindFirstValue("exp") is { } exp && long.TryParse(exp, CultureInfo.InvariantCulture, out var seconds))
        {
            var left = DateTimeOffset.FromUnixTimeSeconds(seconds) - clock.GetUtcNow();
            var context = Context;
            state.Expiry = clock.CreateTimer(_ => context.Abort(), null, left > TimeSpan.Zero ? left : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        return Task.CompletedTask;
    }

    public async Task<SubscribeResponse> Subscribe(SubscribeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
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

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var state = State;
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

    private ConnectionState State => (ConnectionState)Context.Items[ConnectionState.Key]!;

    private static string Truncate(string? text) => text is null ? "" : text.Length > 80 ? text[..80] : text;
}
