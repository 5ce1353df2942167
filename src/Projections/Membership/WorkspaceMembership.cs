using TaskForge.Domain;

namespace TaskForge.Projections.Membership;

/// <summary>A workspace as one of its members sees it in lists.</summary>
/// <see cref="Version"/> is the workspace stream's version (for expectedVersion) and <see cref="EventId"/> the last event it reflects.
public sealed record WorkspaceMembership(Guid WorkspaceId, string Name, WorkspaceRole Role, DateTimeOffset JoinedAt, long Version, long EventId);

/// <summary>A member of a workspace.</summary>
public sealed record WorkspaceMemberView(Guid UserId, string Email, WorkspaceRole Role, DateTimeOffset JoinedAt);

/// <summary>An invitation not yet accepted, declined or revoked; <see cref="InvitedBy"/> is the member who sent it.</summary>
public sealed record PendingInvitation(Guid InvitationId, Guid WorkspaceId, string Email, WorkspaceRole Role, DateTimeOffset InvitedAt, Guid? InvitedBy);

/// <summary>
/// A stretch of membership: the user may see the workspace's events with <see cref="FromPosition"/> ≤ position and,
/// when <see cref="ToPosition"/> is set (the event that removed them), position &lt; <see cref="ToPosition"/>.
/// </summary>
public sealed record MembershipPeriod(Guid WorkspaceId, long FromPosition, long? ToPosition)
{
    public bool Covers(long position) => position >= FromPosition && (ToPosition is not { } to || position < to);
}

/// <summary>An invitation as the invited person sees it: with the name of the workspace they are not yet a member of, and who sent it.</summary>
public sealed record InvitationToYou(Guid InvitationId, Guid WorkspaceId, string WorkspaceName, string Email, WorkspaceRole Role, DateTimeOffset InvitedAt, Guid? InvitedBy);
