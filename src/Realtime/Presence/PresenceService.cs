using Microsoft.AspNetCore.SignalR;
using TaskForge.Projections.Membership;
using TaskForge.Realtime.Authorization;
using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Hub;

namespace TaskForge.Realtime.Presence;

/// <summary>
/// Who views a board or a task and who types a comment (ADR 0100): ephemeral, never in the event log. Members of the
/// scope's workspace only. Changes go to the SignalR group of the scope, which the Redis backplane carries to every node.
/// </summary>
public sealed class PresenceService(
    IPresenceStore store, ScopeResolver scopes, MembershipReader membership, IHubContext<EventsHub> hub, RealtimeMetrics metrics, TimeProvider clock)
{
    public const string PresenceChanged = "PresenceChanged";
    public const string TypingChanged = "TypingChanged";

    /// <summary>The scope with its workspace when the user may be present in it; null when not (not found, or not a member).</summary>
    public async Task<Scope?> AuthorizeAsync(Guid userId, Scope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Kind is not (ScopeKind.Project or ScopeKind.Task) || await scopes.ResolveAsync(scope, cancellationToken) is not { WorkspaceId: { } workspace } resolved)
            return null;
        var state = new MembershipState(userId, await membership.PeriodsOfAsync(userId, cancellationToken));
        return state.IsMember(workspace) ? resolved : null;
    }

    public async Task<PresenceChangedMessage> JoinAsync(string connectionId, Scope scope, Guid userId, string displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var key = Key(scope);
        await hub.Groups.AddToGroupAsync(connectionId, Group(key), cancellationToken);
        await store.AddAsync(key, new PresenceEntry(connectionId, userId, displayName, clock.GetUtcNow()), cancellationToken);
        metrics.PresenceJoined();
        return await BroadcastAsync(key, cancellationToken);
    }

    public async Task LeaveAsync(string connectionId, Scope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var key = Key(scope);
        await hub.Groups.RemoveFromGroupAsync(connectionId, Group(key), cancellationToken);
        await store.RemoveAsync(key, connectionId, cancellationToken);
        metrics.PresenceLeft();
        await BroadcastAsync(key, cancellationToken);
    }

    /// <summary>Tells the others viewing the task that the user started or stopped typing.</summary>
    public Task TypingAsync(string connectionId, Scope task, Guid userId, string displayName, bool typing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return hub.Clients.GroupExcept(Group(Key(task)), connectionId)
            .SendAsync(TypingChanged, new TypingChangedMessage(task.Id, userId, displayName, typing), cancellationToken);
    }

    /// <summary>One heartbeat: this node's entries kept alive, and the scopes that lost expired members told so.</summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        foreach (var key in await store.HeartbeatAsync(cancellationToken))
            await BroadcastAsync(key, cancellationToken);
    }

    /// <summary>Who is in the scope now, without telling anyone.</summary>
    public async Task<PresenceChangedMessage> SnapshotAsync(string key, CancellationToken cancellationToken) =>
        new(key, Members(await store.EntriesAsync(key, cancellationToken)));

    private async Task<PresenceChangedMessage> BroadcastAsync(string key, CancellationToken cancellationToken)
    {
        var message = new PresenceChangedMessage(key, Members(await store.EntriesAsync(key, cancellationToken)));
        await hub.Clients.Group(Group(key)).SendAsync(PresenceChanged, message, cancellationToken);
        return message;
    }

    private static List<PresenceMember> Members(IEnumerable<PresenceEntry> entries) =>
        [.. entries.GroupBy(e => e.UserId)
            .Select(g => g.MinBy(e => e.Since)!)
            .OrderBy(e => e.Since)
            .Select(e => new PresenceMember(e.UserId, e.DisplayName, e.Since))];

    /// <summary>The canonical scope text (<c>project:&lt;guid&gt;</c>, <c>task:&lt;guid&gt;</c>), whatever id form was given.</summary>
    public static string Key(Scope scope) => new Scope(scope.Kind, scope.Id).ToString();

    private static string Group(string key) => "presence:" + key;
}
