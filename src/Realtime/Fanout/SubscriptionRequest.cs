namespace TaskForge.Realtime.Fanout;

/// <summary>
/// Who subscribes (the user and, for invitations addressed to them, their email), to what, and from where: with
/// <see cref="After"/> set, every visible event after that log position is replayed first; without it, live events only.
/// </summary>
public sealed record SubscriptionRequest(Guid UserId, string? Email, IReadOnlyList<Scope> Scopes, long? After);

/// <summary>The outcome of a subscribe.</summary>
public abstract record SubscribeResult
{
    /// <summary>Replay done and live from here: the subscriber has every visible event up to <paramref name="LastEventId"/>.</summary>
    public sealed record Subscribed(Subscription Subscription, long LastEventId, int Replayed) : SubscribeResult;

    /// <summary>Too far behind for a replay: refetch the state and subscribe from the event id it reflects.</summary>
    public sealed record ResyncRequired(string Reason) : SubscribeResult;

    /// <summary>A scope the user may not follow (not a member, or no such project or task: the two are not told apart).</summary>
    public sealed record Refused(string Scope, string Reason) : SubscribeResult;
}
