namespace TaskForge.Domain.Workspaces;

public sealed record WorkspaceMember(Guid UserId, string Email, WorkspaceRole Role);
