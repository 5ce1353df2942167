using TaskForge.Domain.Tests.Support;
using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Workspaces.WorkspaceCommand;
using static TaskForge.Domain.Workspaces.WorkspaceEvent;

namespace TaskForge.Domain.Tests.Workspaces;

public sealed class WorkspaceMembershipTests
{
    private static Outcome<WorkspaceEvent> When(WorkspaceCommand command, params WorkspaceEvent[] extra) =>
        WorkspaceFixture.Scenario().Given(WorkspaceFixture.WithAllRoles()).Given(extra)
            .When(state => WorkspaceDecider.Decide(command, state));

    private static MemberRoleChanged AdminPromoted() =>
        new(Ids.Workspace, Ids.Admin, WorkspaceRole.Admin, WorkspaceRole.Owner);

    [Fact]
    public void Given_a_member_When_an_admin_makes_them_viewer_Then_MemberRoleChanged() =>
        When(new ChangeMemberRole(Ids.Admin, Ids.Now, Ids.Workspace, Ids.Member, WorkspaceRole.Viewer))
            .Then(new MemberRoleChanged(Ids.Workspace, Ids.Member, WorkspaceRole.Member, WorkspaceRole.Viewer));

    [Fact]
    public void Given_a_member_When_given_the_role_they_have_Then_no_events() =>
        When(new ChangeMemberRole(Ids.Admin, Ids.Now, Ids.Workspace, Ids.Member, WorkspaceRole.Member))
            .ThenNothing();

    [Fact]
    public void Given_an_outsider_When_a_role_is_changed_for_them_Then_NOT_A_MEMBER_about_userId() =>
        Assert.Equal("userId", When(new ChangeMemberRole(Ids.Owner, Ids.Now, Ids.Workspace, Ids.Outsider, WorkspaceRole.Member))
            .ThenError(ErrorCodes.NotAMember).Field);

    [Fact]
    public void Given_an_admin_When_they_make_someone_owner_Then_FORBIDDEN() =>
        When(new ChangeMemberRole(Ids.Admin, Ids.Now, Ids.Workspace, Ids.Member, WorkspaceRole.Owner))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_two_owners_When_an_admin_demotes_an_owner_Then_FORBIDDEN() =>
        When(new ChangeMemberRole(Ids.Admin, Ids.Now, Ids.Workspace, Ids.Owner, WorkspaceRole.Member),
                new MemberRoleChanged(Ids.Workspace, Ids.SecondMember, WorkspaceRole.Member, WorkspaceRole.Owner))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_the_only_owner_When_they_demote_themselves_Then_LAST_OWNER() =>
        When(new ChangeMemberRole(Ids.Owner, Ids.Now, Ids.Workspace, Ids.Owner, WorkspaceRole.Admin))
            .ThenError(ErrorCodes.LastOwner);

    [Fact]
    public void Given_two_owners_When_one_demotes_themselves_Then_MemberRoleChanged() =>
        When(new ChangeMemberRole(Ids.Owner, Ids.Now, Ids.Workspace, Ids.Owner, WorkspaceRole.Admin), AdminPromoted())
            .Then(new MemberRoleChanged(Ids.Workspace, Ids.Owner, WorkspaceRole.Owner, WorkspaceRole.Admin));

    [Fact]
    public void Given_an_owner_When_they_promote_an_admin_to_owner_Then_MemberRoleChanged() =>
        When(new ChangeMemberRole(Ids.Owner, Ids.Now, Ids.Workspace, Ids.Admin, WorkspaceRole.Owner))
            .Then(AdminPromoted());

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000f3")]
    [InlineData("00000000-0000-0000-0000-0000000000f4")]
    [InlineData("00000000-0000-0000-0000-0000000000f5")]
    public void Given_a_member_viewer_or_auditor_When_they_change_a_role_Then_FORBIDDEN(string actor) =>
        When(new ChangeMemberRole(Guid.Parse(actor), Ids.Now, Ids.Workspace, Ids.SecondMember, WorkspaceRole.Admin))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_an_outsider_When_they_change_a_role_Then_NOT_FOUND() =>
        When(new ChangeMemberRole(Ids.Outsider, Ids.Now, Ids.Workspace, Ids.Member, WorkspaceRole.Admin))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_workspace_When_an_undefined_role_is_given_Then_VALIDATION() =>
        When(new ChangeMemberRole(Ids.Owner, Ids.Now, Ids.Workspace, Ids.Member, (WorkspaceRole)(-1)))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_member_When_an_admin_removes_them_Then_MemberRemoved() =>
        When(new RemoveMember(Ids.Admin, Ids.Now, Ids.Workspace, Ids.Member))
            .Then(new MemberRemoved(Ids.Workspace, Ids.Member));

    [Fact]
    public void Given_a_removed_member_When_removed_again_Then_no_events() =>
        When(new RemoveMember(Ids.Admin, Ids.Now, Ids.Workspace, Ids.Member), new MemberRemoved(Ids.Workspace, Ids.Member))
            .ThenNothing();

    [Fact]
    public void Given_an_owner_When_an_admin_removes_them_Then_FORBIDDEN() =>
        When(new RemoveMember(Ids.Admin, Ids.Now, Ids.Workspace, Ids.Owner))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_the_only_owner_When_they_remove_themselves_Then_LAST_OWNER() =>
        When(new RemoveMember(Ids.Owner, Ids.Now, Ids.Workspace, Ids.Owner))
            .ThenError(ErrorCodes.LastOwner);

    [Fact]
    public void Given_two_owners_When_one_removes_the_other_Then_MemberRemoved() =>
        When(new RemoveMember(Ids.Owner, Ids.Now, Ids.Workspace, Ids.Admin), AdminPromoted())
            .Then(new MemberRemoved(Ids.Workspace, Ids.Admin));

    [Fact]
    public void Given_a_viewer_When_they_remove_a_member_Then_FORBIDDEN() =>
        When(new RemoveMember(Ids.Viewer, Ids.Now, Ids.Workspace, Ids.Member))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_viewer_When_they_leave_Then_MemberLeft() =>
        When(new LeaveWorkspace(Ids.Viewer, Ids.Now, Ids.Workspace))
            .Then(new MemberLeft(Ids.Workspace, Ids.Viewer));

    [Fact]
    public void Given_the_only_owner_When_they_leave_Then_LAST_OWNER() =>
        When(new LeaveWorkspace(Ids.Owner, Ids.Now, Ids.Workspace))
            .ThenError(ErrorCodes.LastOwner);

    [Fact]
    public void Given_two_owners_When_one_leaves_Then_MemberLeft() =>
        When(new LeaveWorkspace(Ids.Owner, Ids.Now, Ids.Workspace), AdminPromoted())
            .Then(new MemberLeft(Ids.Workspace, Ids.Owner));

    [Fact]
    public void Given_an_outsider_When_they_leave_Then_NOT_FOUND() =>
        When(new LeaveWorkspace(Ids.Outsider, Ids.Now, Ids.Workspace))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_member_who_left_When_evolved_Then_they_have_no_access()
    {
        var state = WorkspaceFixture.State([.. WorkspaceFixture.WithAllRoles(), new MemberLeft(Ids.Workspace, Ids.Member)]);
        Assert.False(WorkspaceAccess.CanRead(state, Ids.Member));
        Assert.Null(WorkspaceAccess.RoleOf(state, Ids.Member));
    }
}
