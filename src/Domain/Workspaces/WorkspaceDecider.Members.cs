using static TaskForge.Domain.Workspaces.WorkspaceCommand;
using static TaskForge.Domain.Workspaces.WorkspaceEvent;

namespace TaskForge.Domain.Workspaces;

public static partial class WorkspaceDecider
{
    private static readonly DomainError LastOwnerError =
        new(ErrorCodes.LastOwner, "A workspace must keep at least one owner; make someone else owner first.");

    private static Decision<WorkspaceEvent> ChangeRole(ChangeMemberRole c, WorkspaceState state)
    {
        if (WorkspaceAccess.Require(state, c.WorkspaceId, c.ActorId, WorkspaceRoles.CanManage, "change member roles") is { } denied)
            return denied;
        var workspace = (WorkspaceState.Active)state;
        if (!c.Role.IsDefined())
            return DomainError.Validation($"role {(int)c.Role} is not a workspace role.", "role");
        if (!workspace.Members.TryGetValue(c.UserId, out var target))
            return new DomainError(ErrorCodes.NotAMember, "This user is not a member of the workspace.", "userId");
        if (target.Role == c.Role)
            return Decision<WorkspaceEvent>.None;
        if ((target.Role == WorkspaceRole.Owner || c.Role == WorkspaceRole.Owner) && workspace.RoleOf(c.ActorId) != WorkspaceRole.Owner)
            return DomainError.Forbidden("Only an owner may grant or take away the owner role.");
        if (target.Role == WorkspaceRole.Owner && workspace.OwnerCount == 1)
            return LastOwnerError;
        return new MemberRoleChanged(c.WorkspaceId, c.UserId, target.Role, c.Role);
    }

    private static Decision<WorkspaceEvent> Remove(RemoveMember c, WorkspaceState state)
    {
        if (WorkspaceAccess.Require(state, c.WorkspaceId, c.ActorId, WorkspaceRoles.CanManage, "remove members") is { } denied)
            return denied;
        var workspace = (WorkspaceState.Active)state;
        if (!workspace.Members.TryGetValue(c.UserId, out var target))
            return Decision<WorkspaceEvent>.None;
        if (target.Role == WorkspaceRole.Owner && workspace.RoleOf(c.ActorId) != WorkspaceRole.Owner)
            return DomainError.Forbidden("Only an owner may remove an owner.");
        if (target.Role == WorkspaceRole.Owner && workspace.OwnerCount == 1)
            return LastOwnerError;
        return new MemberRemoved(c.WorkspaceId, c.UserId);
    }

    private static Decision<WorkspaceEvent> Leave(LeaveWorkspace c, WorkspaceState state)
    {
        if (WorkspaceAccess.Require(state, c.WorkspaceId, c.ActorId, _ => true, "leave") is { } denied)
            return denied;
        var workspace = (WorkspaceState.Active)state;
        if (workspace.RoleOf(c.ActorId) == WorkspaceRole.Owner && workspace.OwnerCount == 1)
            return LastOwnerError;
        return new MemberLeft(c.WorkspaceId, c.ActorId);
    }
}
