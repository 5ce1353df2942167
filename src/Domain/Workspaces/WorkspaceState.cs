using System.Collections.Immutable;

namespace TaskForge.Domain.Workspaces;

public abstract record WorkspaceState
{
    public static WorkspaceState Initial { get; } = new NotCreated();

    public sealed record NotCreated : WorkspaceState;

    public sealed record Active(
        Guid WorkspaceId,
        string Name,
        ImmutableDictionary<Guid, WorkspaceMember> Members,
        ImmutableDictionary<Guid, WorkspaceInvitation> Invitations,
        ImmutableHashSet<Guid> ClosedInvitationIds) : WorkspaceState
    {
        public WorkspaceRole? RoleOf(Guid userId) =>
            Members.TryGetValue(userId, out var member) ? member.Role : null;

        public int OwnerCount => Members.Values.Count(m => m.Role == WorkspaceRole.Owner);

        public WorkspaceMember? MemberByEmail(string email) =>
            Members.Values.FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase));

        public WorkspaceInvitation? InvitationForEmail(string email) =>
            Invitations.Values.FirstOrDefault(i => string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase));
    }
}
