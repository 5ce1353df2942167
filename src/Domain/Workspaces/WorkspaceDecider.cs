using System.Collections.Immutable;
using static TaskForge.Domain.Workspaces.WorkspaceCommand;
using static TaskForge.Domain.Workspaces.WorkspaceEvent;

namespace TaskForge.Domain.Workspaces;

public static partial class WorkspaceDecider
{
    public static WorkspaceState Initial => WorkspaceState.Initial;

    public static Decision<WorkspaceEvent> Decide(WorkspaceCommand command, WorkspaceState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        return command switch
        {
            CreateWorkspace c => Create(c, state),
            RenameWorkspace c => Rename(c, state),
            InviteMember c => Invite(c, state),
            RevokeInvitation c => Revoke(c, state),
            AcceptInvitation c => Accept(c, state),
            DeclineInvitation c => Decline(c, state),
            ChangeMemberRole c => ChangeRole(c, state),
            RemoveMember c => Remove(c, state),
            LeaveWorkspace c => Leave(c, state),
            _ => DomainError.Validation($"Unknown workspace command {command.GetType().Name}."),
        };
    }

    private static Decision<WorkspaceEvent> Create(CreateWorkspace c, WorkspaceState state)
    {
        if (state is not WorkspaceState.NotCreated)
            return new DomainError(ErrorCodes.AlreadyExists, "A workspace with this id already exists.");
        if (TextInput.SingleLine("name", c.Name, InputLimits.NameMaxLength, out var name) is { } nameError)
            return nameError;
        if (TextInput.Email("actorEmail", c.ActorEmail, out var email) is { } emailError)
            return emailError with { Field = null }; // the actor's email comes from the account, not from the input
        return new WorkspaceCreated(c.WorkspaceId, name, c.ActorId, email);
    }

    private static Decision<WorkspaceEvent> Rename(RenameWorkspace c, WorkspaceState state)
    {
        if (WorkspaceAccess.Require(state, c.WorkspaceId, c.ActorId, WorkspaceRoles.CanManage, "rename the workspace") is { } denied)
            return denied;
        if (TextInput.SingleLine("name", c.Name, InputLimits.NameMaxLength, out var name) is { } error)
            return error;
        var active = (WorkspaceState.Active)state;
        return active.Name == name ? Decision<WorkspaceEvent>.None : new WorkspaceRenamed(c.WorkspaceId, name);
    }

    public static WorkspaceState Evolve(WorkspaceState state, WorkspaceEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event is WorkspaceCreated created)
        {
            var owner = new WorkspaceMember(created.OwnerId, created.OwnerEmail, WorkspaceRole.Owner);
            return new WorkspaceState.Active(
                created.WorkspaceId,
                created.Name,
                ImmutableDictionary<Guid, WorkspaceMember>.Empty.Add(owner.UserId, owner),
                ImmutableDictionary<Guid, WorkspaceInvitation>.Empty,
                ImmutableHashSet<Guid>.Empty);
        }

        if (state is not WorkspaceState.Active active)
            return state;

        return @event switch
        {
            WorkspaceRenamed e => active with { Name = e.Name },
            MemberInvited e => active with
            {
                Invitations = active.Invitations.SetItem(e.InvitationId, new WorkspaceInvitation(e.InvitationId, e.Email, e.Role)),
            },
            InvitationRevoked e => active with
            {
                Invitations = active.Invitations.Remove(e.InvitationId),
                ClosedInvitationIds = active.ClosedInvitationIds.Add(e.InvitationId),
            },
            InvitationDeclined e => active with
            {
                Invitations = active.Invitations.Remove(e.InvitationId),
                ClosedInvitationIds = active.ClosedInvitationIds.Add(e.InvitationId),
            },
            InvitationAccepted e => active with
            {
                Invitations = active.Invitations.Remove(e.InvitationId),
                ClosedInvitationIds = active.ClosedInvitationIds.Add(e.InvitationId),
                Members = active.Members.SetItem(e.UserId, new WorkspaceMember(e.UserId, e.Email, e.Role)),
            },
            MemberRoleChanged e when active.Members.TryGetValue(e.UserId, out var member) => active with
            {
                Members = active.Members.SetItem(e.UserId, member with { Role = e.Role }),
            },
            MemberRemoved e => active with { Members = active.Members.Remove(e.UserId) },
            MemberLeft e => active with { Members = active.Members.Remove(e.UserId) },
            _ => active,
        };
    }
}
