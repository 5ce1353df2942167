using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime;

/// <summary>
/// Where a subscription sends what its subscriber gets, in this order: replayed events, <see cref="LiveAsync"/> once,
/// live events, and at most one <see cref="EndedAsync"/>. Calls for one subscription never overlap. A sink that awaits
/// its transport pushes back: the subscription's bounded buffer fills, and the subscriber is told to resync.
/// </summary>
public interface ISubscriptionSink
{
    ValueTask EventAsync(string subscriptionId, RealtimeEvent e, CancellationToken cancellationToken);

    ValueTask LiveAsync(string subscriptionId, long lastEventId, CancellationToken cancellationToken);

    ValueTask EndedAsync(string subscriptionId, string reason, CancellationToken cancellationToken);
}

/// <summary>Why a subscription ended (the <c>reason</c> of SubscriptionEnded).</summary>
public static class EndReasons
{
    /// <summary>The user is no longer a member of a workspace the subscription follows.</summary>
    public const string MembershipLost = "membership-lost";

    /// <summary>The subscriber did not keep up: its buffer filled. Subscribe again from the last event id (or resync).</summary>
    public const string ResyncRequired = "resync-required";

    /// <summary>The node is shutting down; subscribe again (on any node) from the last event id.</summary>
    public const string ServerStopping = "server-stopping";
}
