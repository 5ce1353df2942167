namespace TaskForge.Domain.Workspaces;

public sealed record WorkspaceInvitation(Guid InvitationId, string Email, WorkspaceRole Role);
