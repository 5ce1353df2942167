using TaskForge.Realtime.Authorization;

namespace TaskForge.Realtime.Fanout;

/// <summary>
/// The node's subscriptions, indexed by the workspaces their scopes lie in, so that the tailer offers an event only to
/// the subscriptions that can want it instead of to every one. An event of no workspace, and an event that changes
/// someone's membership (a subscription needs those of its user whatever its scopes), goes to all; a subscription with a
/// scope of no workspace (<c>me</c>) gets every event. Each subscription still decides for itself (its Offer), so the
/// index only narrows. Immutable: the fan-out swaps in a new one when a subscription comes or goes, copying only the
/// lists that change (hundreds of subscriptions told to resync at once each leave).
/// </summary>
internal sealed class SubscriptionRoutes
{
    private readonly Dictionary<Guid, Subscription[]> _byWorkspace;
    private readonly Subscription[] _everywhere;

    private SubscriptionRoutes(Subscription[] all, Dictionary<Guid, Subscription[]> byWorkspace, Subscription[] everywhere)
    {
        All = all;
        _byWorkspace = byWorkspace;
        _everywhere = everywhere;
    }

    public static SubscriptionRoutes Empty { get; } = new([], [], []);

    public Subscription[] All { get; }

    public SubscriptionRoutes With(Subscription subscription)
    {
        if (Everywhere(subscription))
            return new([.. All, subscription], _byWorkspace, [.. _everywhere, subscription]);
        var byWorkspace = new Dictionary<Guid, Subscription[]>(_byWorkspace);
        foreach (var workspace in WorkspacesOf(subscription))
            byWorkspace[workspace] = byWorkspace.TryGetValue(workspace, out var list) ? [.. list, subscription] : [subscription];
        return new([.. All, subscription], byWorkspace, _everywhere);
    }

    public SubscriptionRoutes Without(Subscription subscription)
    {
        var all = Except(All, subscription);
        if (all == All)
            return this;
        if (Everywhere(subscription))
            return new(all, _byWorkspace, Except(_everywhere, subscription));
        var byWorkspace = new Dictionary<Guid, Subscription[]>(_byWorkspace);
        foreach (var workspace in WorkspacesOf(subscription))
        {
            var rest = Except(byWorkspace[workspace], subscription);
            if (rest.Length == 0)
                byWorkspace.Remove(workspace);
            else
                byWorkspace[workspace] = rest;
        }

        return new(all, byWorkspace, _everywhere);
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

    private static bool Everywhere(Subscription subscription) => subscription.Scopes.Any(s => s.Kind == ScopeKind.Me || s.WorkspaceId is null);

    private static IEnumerable<Guid> WorkspacesOf(Subscription subscription) => subscription.Scopes.Select(s => s.WorkspaceId!.Value).Distinct();

    private static Subscription[] Except(Subscription[] list, Subscription subscription)
    {
        var index = Array.IndexOf(list, subscription);
        return index < 0 ? list : [.. list[..index], .. list[(index + 1)..]];
    }
}
