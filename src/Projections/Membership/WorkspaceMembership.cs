using TaskForge.Domain;

namespace TaskForge.Projections.Membership;

/// <summary>A workspace as one of its members sees it in lists.</summary>
public sealed record WorkspaceMembership(Guid WorkspaceId, string Name, WorkspaceRole Role, DateTimeOffset JoinedAt);

/// <summary>A member of a workspace.</summary>
public sealed record WorkspaceMemberView(Guid UserId, string Email, WorkspaceRole Role, DateTimeOffset JoinedAt);

/// <summary>An invitation not yet accepted or revoked.</summary>
public sealed record PendingInvitation(Guid InvitationId, Guid WorkspaceId, string Email, WorkspaceRole Role, DateTimeOffset InvitedAt);
