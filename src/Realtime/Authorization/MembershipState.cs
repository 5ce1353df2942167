using TaskForge.Domain.Workspaces;
using TaskForge.Projections.Membership;

namespace TaskForge.Realtime.Authorization;

/// <summary>
/// One user's membership periods (ADR 0092): loaded once from the membership read model, then kept current from the
/// user's own membership events as the subscription reads them, in log order. The read model may lag the log, so the
/// events are the authority: applying one the read model already had changes nothing (a period is keyed by the position
/// that opened it, and one closed at a position is not closed again).
/// </summary>
public sealed class MembershipState
{
    private readonly Guid _userId;
    private readonly Dictionary<Guid, List<Period>> _periods = [];

    public MembershipState(Guid userId, IEnumerable<MembershipPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        _userId = userId;
        foreach (var period in periods)
            PeriodsOf(period.WorkspaceId).Add(new Period(period.FromPosition, period.ToPosition));
    }

    /// <summary>Whether the user is a member of the workspace now (as far as the log has been read).</summary>
    public bool IsMember(Guid workspaceId) => _periods.TryGetValue(workspaceId, out var list) && list.Exists(p => p.To is null);

    /// <summary>Whether the user was a member of the workspace at that position of the log.</summary>
    public bool WasMemberAt(Guid workspaceId, long position) =>
        _periods.TryGetValue(workspaceId, out var list) && list.Exists(p => position >= p.From && (p.To is not { } to || position < to));

    /// <summary>Whether the event changes this user's membership (the subscription needs it even outside its scopes).</summary>
    public bool Concerns(object payload) => MemberChanged(payload) == _userId;

    /// <summary>Whether the event changes someone's membership (whom: <see cref="Concerns"/>).</summary>
    public static bool ChangesMembership(object payload) => MemberChanged(payload) is not null;

    /// <summary>The user whose membership the event changes, if it is a membership event.</summary>
    private static Guid? MemberChanged(object payload) => payload switch
    {
        WorkspaceEvent.WorkspaceCreated c => c.OwnerId,
        WorkspaceEvent.InvitationAccepted a => a.UserId,
        WorkspaceEvent.MemberRemoved r => r.UserId,
        WorkspaceEvent.MemberLeft l => l.UserId,
        _ => null,
    };

    /// <summary>Applies a membership event at its position; returns the workspace the user left, if this was a removal.</summary>
    public Guid? Apply(object payload, long position)
    {
        switch (payload)
        {
            case WorkspaceEvent.WorkspaceCreated c when c.OwnerId == _userId:
                Join(c.WorkspaceId, position);
                return null;
            case WorkspaceEvent.InvitationAccepted a when a.UserId == _userId:
                Join(a.WorkspaceId, position);
                return null;
            case WorkspaceEvent.MemberRemoved r when r.UserId == _userId:
                Leave(r.WorkspaceId, position);
                return r.WorkspaceId;
            case WorkspaceEvent.MemberLeft l when l.UserId == _userId:
                Leave(l.WorkspaceId, position);
                return l.WorkspaceId;
            default:
                return null;
        }
    }

    private void Join(Guid workspaceId, long position)
    {
        var list = PeriodsOf(workspaceId);
        if (!list.Exists(p => p.From == position || p.To is null))
            list.Add(new Period(position, null));
    }

    private void Leave(Guid workspaceId, long position)
    {
        var list = PeriodsOf(workspaceId);
        if (list.Exists(p => p.To == position))
            return;
        var open = list.FindIndex(p => p.To is null && p.From < position);
        if (open >= 0)
            list[open] = list[open] with { To = position };
    }

    private List<Period> PeriodsOf(Guid workspaceId)
    {
        if (!_periods.TryGetValue(workspaceId, out var list))
            _periods[workspaceId] = list = [];
        return list;
    }

    private readonly record struct Period(long From, long? To);
}
