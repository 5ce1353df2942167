using TaskForge.Realtime.Authorization;

namespace TaskForge.Realtime.Fanout;

/// <summary>
/// The node's subscriptions, indexed by the workspaces their scopes lie in, so that the tailer offers an event only to
/// the subscriptions that can want it instead of to every one. An event of no workspace, and an event that changes
/// someone's membership (a subscription needs those of its user whatever its scopes), goes to all; a subscription with a
/// scope of no workspace (<c>me</c>) gets every event. Each subscription still decides for itself (its Offer), so the
/// index only narrows. Immutable: the fan-out builds a new one when a subscription comes or goes.
/// </summary>
internal sealed class SubscriptionRoutes
{
    private readonly Dictionary<Guid, Subscription[]> _byWorkspace;
    private readonly Subscription[] _everywhere;

    public SubscriptionRoutes(Subscription[] all)
    {
        All = all;
        var byWorkspace = new Dictionary<Guid, List<Subscription>>();
        var everywhere = new List<Subscription>();
        foreach (var subscription in all)
        {
            if (subscription.Scopes.Any(s => s.Kind == ScopeKind.Me || s.WorkspaceId is null))
            {
                everywhere.Add(subscription);
                continue;
            }

            foreach (var workspace in subscription.Scopes.Select(s => s.WorkspaceId!.Value).Distinct())
            {
                if (!byWorkspace.TryGetValue(workspace, out var list))
                    byWorkspace[workspace] = list = [];
                list.Add(subscription);
            }
        }

        _byWorkspace = byWorkspace.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _everywhere = [.. everywhere];
    }

    public static SubscriptionRoutes Empty { get; } = new([]);

    public Subscription[] All { get; }

    public SubscriptionRoutes With(Subscription subscription) => new([.. All, subscription]);

    public SubscriptionRoutes Without(Subscription subscription)
    {
        var index = Array.IndexOf(All, subscription);
        return index < 0 ? this : new([.. All[..index], .. All[(index + 1)..]]);
    }

    /// <summary>Offers the event to every subscription that can want it.</summary>
    public void Offer(RealtimeEvent e)
    {
        if (e.WorkspaceId is not { } workspace || MembershipState.ChangesMembership(e.Payload))
        {
            foreach (var subscription in All)
                subscription.Offer(e);
            return;
        }

        foreach (var subscription in _everywhere)
            subscription.Offer(e);
        if (_byWorkspace.TryGetValue(workspace, out var inWorkspace))
        {
            foreach (var subscription in inWorkspace)
                subscription.Offer(e);
        }
    }
}
