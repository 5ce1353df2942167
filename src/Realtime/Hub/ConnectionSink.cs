using Microsoft.AspNetCore.SignalR;

namespace TaskForge.Realtime.Hub;

/// <summary>
/// Sends a connection's subscriptions to it. SignalR's send awaits the connection's pipe, so a client that does not read
/// pushes back into the subscription's bounded buffer (and is then told to resync).
/// </summary>
internal sealed class ConnectionSink(IHubContext<EventsHub> hub, string connectionId) : ISubscriptionSink
{
    public ValueTask EventAsync(string subscriptionId, Fanout.RealtimeEvent e, CancellationToken cancellationToken) =>
        new(hub.Clients.Client(connectionId).SendAsync("Event", new EventFrame(subscriptionId, e), cancellationToken));

    public ValueTask LiveAsync(string subscriptionId, long lastEventId, CancellationToken cancellationToken) =>
        new(hub.Clients.Client(connectionId).SendAsync("Live",
            new LiveMessage(subscriptionId, lastEventId.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken));

    public ValueTask EndedAsync(string subscriptionId, string reason, CancellationToken cancellationToken) =>
        new(hub.Clients.Client(connectionId).SendAsync("SubscriptionEnded", new SubscriptionEndedMessage(subscriptionId, reason), cancellationToken));
}
