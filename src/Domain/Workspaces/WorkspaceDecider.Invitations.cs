using static TaskForge.Domain.Workspaces.WorkspaceCommand;
using static TaskForge.Domain.Workspaces.WorkspaceEvent;

namespace TaskForge.Domain.Workspaces;

public static partial class WorkspaceDecider
{
    private static Decision<WorkspaceEvent> Invite(InviteMember c, WorkspaceState state)
    {
        if (WorkspaceAccess.Require(state, c.WorkspaceId, c.ActorId, WorkspaceRoles.CanManage, "invite members") is { } denied)
            return denied;
        var workspace = (WorkspaceState.Active)state;
        if (!c.Role.IsDefined())
            return DomainError.Validation($"role {(int)c.Role} is not a workspace role.", "role");
        if (c.Role == WorkspaceRole.Owner && workspace.RoleOf(c.ActorId) != WorkspaceRole.Owner)
            return DomainError.Forbidden("Only an owner may invite another owner.");
        if (TextInput.Email("email", c.Email, out var email) is { } invalid)
            return invalid;

        if (workspace.Invitations.TryGetValue(c.InvitationId, out var same))
        {
            return same.Email == email && same.Role == c.Role
                ? Decision<WorkspaceEvent>.None
                : new DomainError(ErrorCodes.AlreadyExists, "An invitation with this id already exists.");
        }

        if (workspace.ClosedInvitationIds.Contains(c.InvitationId))
            return new DomainError(ErrorCodes.AlreadyExists, "An invitation with this id already exists.");
        if (workspace.MemberByEmail(email) is not null)
            return new DomainError(ErrorCodes.AlreadyMember, $"{email} is already a member of this workspace.", "email");
        if (workspace.InvitationForEmail(email) is not null)
            return new DomainError(ErrorCodes.AlreadyExists, $"An invitation for {email} is already pending.", "email");
        return new MemberInvited(c.WorkspaceId, c.InvitationId, email, c.Role);
    }

    private static Decision<WorkspaceEvent> Revoke(RevokeInvitation c, WorkspaceState state)
    {
        if (WorkspaceAccess.Require(state, c.WorkspaceId, c.ActorId, WorkspaceRoles.CanManage, "revoke invitations") is { } denied)
            return denied;
        var workspace = (WorkspaceState.Active)state;
        if (workspace.Invitations.TryGetValue(c.InvitationId, out var invitation))
            return new InvitationRevoked(c.WorkspaceId, c.InvitationId, invitation.Email);
        return workspace.ClosedInvitationIds.Contains(c.InvitationId)
            ? Decision<WorkspaceEvent>.None
            : new DomainError(ErrorCodes.InvitationNotFound, "There is no pending invitation with this id.");
    }

    private static Decision<WorkspaceEvent> Accept(AcceptInvitation c, WorkspaceState state)
    {
        if (state is not WorkspaceState.Active workspace || workspace.WorkspaceId != c.WorkspaceId)
            return DomainError.NotFound("Workspace");
        if (TextInput.Email("actorEmail", c.ActorEmail, out var email) is { } invalid)
            return invalid with { Field = null }; // the actor's email comes from the account, not from the input

        if (workspace.Members.ContainsKey(c.ActorId))
        {
            return workspace.ClosedInvitationIds.Contains(c.InvitationId)
                ? Decision<WorkspaceEvent>.None
                : new DomainError(ErrorCodes.AlreadyMember, "You are already a member of this workspace.");
        }

        if (workspace.InvitationForEmail(email) is not { } invitation)
            return DomainError.NotFound("Workspace");
        if (invitation.InvitationId != c.InvitationId)
            return new DomainError(ErrorCodes.InvitationNotFound, "This invitation is not pending for your email address.");
        if (workspace.MemberByEmail(email) is not null)
            return new DomainError(ErrorCodes.AlreadyMember, $"{email} is already a member of this workspace.");
        return new InvitationAccepted(c.WorkspaceId, invitation.InvitationId, c.ActorId, email, invitation.Role);
    }

    private static Decision<WorkspaceEvent> Decline(DeclineInvitation c, WorkspaceState state)
    {
        if (state is not WorkspaceState.Active workspace || workspace.WorkspaceId != c.WorkspaceId)
            return DomainError.NotFound("Workspace");
        if (TextInput.Email("actorEmail", c.ActorEmail, out var email) is { } invalid)
            return invalid with { Field = null }; // the actor's email comes from the account, not from the input

        if (workspace.Invitations.TryGetValue(c.InvitationId, out var invitation) && invitation.Email == email)
            return new InvitationDeclined(c.WorkspaceId, invitation.InvitationId, email);
        if (workspace.Members.ContainsKey(c.ActorId))
            return new DomainError(ErrorCodes.AlreadyMember, "You are already a member of this workspace.");
        if (workspace.ClosedInvitationIds.Contains(c.InvitationId) && workspace.InvitationForEmail(email) is null)
            return Decision<WorkspaceEvent>.None; // declined (or revoked) already: a retry changes nothing
        return workspace.InvitationForEmail(email) is null
            ? DomainError.NotFound("Workspace")
            : new DomainError(ErrorCodes.InvitationNotFound, "This invitation is not pending for your email address.");
    }
}
