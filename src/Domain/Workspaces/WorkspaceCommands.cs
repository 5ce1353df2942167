namespace TaskForge.Domain.Workspaces;

public abstract record WorkspaceCommand(Guid ActorId, DateTimeOffset Now) : IWorkspaceScoped
{
    public abstract Guid WorkspaceId { get; init; }

    public string StreamId => StreamIds.Workspace(WorkspaceId);

    /// <summary>The actor becomes the first owner; the command path supplies the actor's email.</summary>
    public sealed record CreateWorkspace(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, string Name, string ActorEmail)
        : WorkspaceCommand(ActorId, Now);

    public sealed record RenameWorkspace(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, string Name)
        : WorkspaceCommand(ActorId, Now);

    public sealed record InviteMember(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid InvitationId, string Email, WorkspaceRole Role)
        : WorkspaceCommand(ActorId, Now), IRetryableCommand;

    public sealed record RevokeInvitation(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid InvitationId)
        : WorkspaceCommand(ActorId, Now), IRetryableCommand;

    /// <summary>The command path supplies the authenticated actor's email; it must match the invitation.</summary>
    public sealed record AcceptInvitation(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid InvitationId, string ActorEmail)
        : WorkspaceCommand(ActorId, Now), IRetryableCommand;

    /// <summary>The invited person says no: the command path supplies their email, which must match the pending invitation.</summary>
    public sealed record DeclineInvitation(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid InvitationId, string ActorEmail)
        : WorkspaceCommand(ActorId, Now), IRetryableCommand;

    public sealed record ChangeMemberRole(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid UserId, WorkspaceRole Role)
        : WorkspaceCommand(ActorId, Now);

    public sealed record RemoveMember(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId, Guid UserId)
        : WorkspaceCommand(ActorId, Now), IRetryableCommand;

    public sealed record LeaveWorkspace(Guid ActorId, DateTimeOffset Now, Guid WorkspaceId)
        : WorkspaceCommand(ActorId, Now), IRetryableCommand;
}
