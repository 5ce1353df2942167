using TaskForge.Domain.Tests.Support;
using TaskForge.Domain.Workspaces;

namespace TaskForge.Domain.Tests.Workspaces;

public sealed class WorkspaceAccessTests
{
    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000f1", true, true)]
    [InlineData("00000000-0000-0000-0000-0000000000f2", true, true)]
    [InlineData("00000000-0000-0000-0000-0000000000f3", true, false)]
    [InlineData("00000000-0000-0000-0000-0000000000f4", true, false)]
    [InlineData("00000000-0000-0000-0000-0000000000f5", true, true)]
    [InlineData("00000000-0000-0000-0000-0000000000f6", false, false)]
    public void Given_a_workspace_with_every_role_When_access_is_asked_Then_it_follows_the_role(string user, bool read, bool history)
    {
        var state = WorkspaceFixture.AllRoles();
        Assert.Equal(read, WorkspaceAccess.CanRead(state, Guid.Parse(user)));
        Assert.Equal(history, WorkspaceAccess.CanReadHistory(state, Guid.Parse(user)));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000f5", "An auditor may not rename the workspace.")]
    [InlineData("00000000-0000-0000-0000-0000000000f4", "A viewer may not rename the workspace.")]
    [InlineData("00000000-0000-0000-0000-0000000000f3", "A member may not rename the workspace.")]
    public void Given_a_role_too_low_When_required_Then_FORBIDDEN_says_so_in_plain_English(string user, string message)
    {
        var state = WorkspaceFixture.AllRoles();
        var denied = WorkspaceAccess.Require(state, Ids.Workspace, Guid.Parse(user), WorkspaceRoles.CanManage, "rename the workspace");

        Assert.Equal((ErrorCodes.Forbidden, message), (denied?.Code, denied?.Message));
    }

    [Theory]
    [InlineData(WorkspaceRole.Owner, true)]
    [InlineData(WorkspaceRole.Auditor, true)]
    [InlineData(WorkspaceRole.Admin, false)]
    [InlineData(WorkspaceRole.Member, false)]
    [InlineData(WorkspaceRole.Viewer, false)]
    public void Given_a_role_When_auditing_is_asked_Then_only_owners_and_auditors_may(WorkspaceRole role, bool audit) =>
        Assert.Equal(audit, role.CanAudit());

    [Fact]
    public void Given_no_workspace_When_access_is_asked_Then_nobody_can_read()
    {
        Assert.False(WorkspaceAccess.CanRead(WorkspaceState.Initial, Ids.Owner));
        Assert.Null(WorkspaceAccess.RoleOf(WorkspaceState.Initial, Ids.Owner));
    }

    [Fact]
    public void Given_roles_When_compared_Then_only_member_and_above_change_content_and_admin_and_above_manage()
    {
        Assert.Equal(
            [WorkspaceRole.Member, WorkspaceRole.Admin, WorkspaceRole.Owner],
            Enum.GetValues<WorkspaceRole>().Where(r => r.CanChangeContent()));
        Assert.Equal(
            [WorkspaceRole.Admin, WorkspaceRole.Owner],
            Enum.GetValues<WorkspaceRole>().Where(r => r.CanManage()));
    }
}
