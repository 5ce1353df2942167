using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Workspaces.WorkspaceEvent;

namespace TaskForge.Domain.Tests.Support;

public static class WorkspaceFixture
{
    public static WorkspaceCreated Created { get; } =
        new(Ids.Workspace, "Acme", Ids.Owner, Ids.EmailOf(Ids.Owner));

    public static WorkspaceEvent[] Joined(Guid userId, WorkspaceRole role) =>
    [
        new MemberInvited(Ids.Workspace, Ids.InvitationFor(userId), Ids.EmailOf(userId), role),
        new InvitationAccepted(Ids.Workspace, Ids.InvitationFor(userId), userId, Ids.EmailOf(userId), role),
    ];

    /// <summary>A workspace with one user per role (the owner created it) plus a second member.</summary>
    public static WorkspaceEvent[] WithAllRoles() =>
    [
        Created,
        .. Joined(Ids.Admin, WorkspaceRole.Admin),
        .. Joined(Ids.Member, WorkspaceRole.Member),
        .. Joined(Ids.Viewer, WorkspaceRole.Viewer),
        .. Joined(Ids.Auditor, WorkspaceRole.Auditor),
        .. Joined(Ids.SecondMember, WorkspaceRole.Member),
    ];

    public static WorkspaceState State(params WorkspaceEvent[] events) =>
        events.Aggregate(WorkspaceDecider.Initial, WorkspaceDecider.Evolve);

    public static WorkspaceState AllRoles() => State(WithAllRoles());

    public static Scenario<WorkspaceState, WorkspaceEvent> Scenario() =>
        new(WorkspaceDecider.Evolve, WorkspaceDecider.Initial);
}
