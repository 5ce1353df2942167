namespace TaskForge.Domain.Workspaces;

public abstract record WorkspaceEvent : IWorkspaceScoped
{
    public abstract Guid WorkspaceId { get; init; }

    public sealed record WorkspaceCreated(Guid WorkspaceId, string Name, Guid OwnerId, string OwnerEmail) : WorkspaceEvent;

    public sealed record WorkspaceRenamed(Guid WorkspaceId, string Name) : WorkspaceEvent;

    public sealed record MemberInvited(Guid WorkspaceId, Guid InvitationId, string Email, WorkspaceRole Role) : WorkspaceEvent;

    public sealed record InvitationRevoked(Guid WorkspaceId, Guid InvitationId, string Email) : WorkspaceEvent;

    public sealed record InvitationAccepted(Guid WorkspaceId, Guid InvitationId, Guid UserId, string Email, WorkspaceRole Role) : WorkspaceEvent;

    public sealed record InvitationDeclined(Guid WorkspaceId, Guid InvitationId, string Email) : WorkspaceEvent;

    public sealed record MemberRoleChanged(Guid WorkspaceId, Guid UserId, WorkspaceRole PreviousRole, WorkspaceRole Role) : WorkspaceEvent;

    public sealed record MemberRemoved(Guid WorkspaceId, Guid UserId) : WorkspaceEvent;

    public sealed record MemberLeft(Guid WorkspaceId, Guid UserId) : WorkspaceEvent;
}
