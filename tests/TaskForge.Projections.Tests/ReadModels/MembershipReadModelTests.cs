using TaskForge.Domain;
using TaskForge.Domain.Workspaces;
using TaskForge.Projections.Access;
using TaskForge.Projections.Tests.Support;

namespace TaskForge.Projections.Tests.ReadModels;

public sealed class MembershipReadModelTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    [Fact]
    public async Task Given_invitations_role_changes_and_removals_When_read_Then_members_and_roles_follow_the_events()
    {
        var (ana, bob, cy) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", ana, bob);
        await workspace.WorkspaceEventAsync(workspace.Owner, new WorkspaceEvent.MemberRoleChanged(workspace.Id, ana, WorkspaceRole.Member, WorkspaceRole.Admin));
        await workspace.RemoveMemberAsync(bob);
        await workspace.InviteAsync(cy, WorkspaceRole.Viewer);
        await fixture.CaughtUpAsync();

        var members = await fixture.Membership.MembersAsync(ana, workspace.Id);
        Assert.Equal(
            new[] { (workspace.Owner, WorkspaceRole.Owner), (ana, WorkspaceRole.Admin) }.OrderBy(m => m.Item1),
            members.Select(m => (m.UserId, m.Role)).OrderBy(m => m.Item1));
        Assert.Null(await fixture.Membership.RoleOfAsync(bob, workspace.Id));
        var invitation = Assert.Single(await fixture.Membership.InvitationsAsync(ana, workspace.Id));
        Assert.Equal((TestWorkspace.EmailOf(cy), WorkspaceRole.Viewer, workspace.Owner), (invitation.Email, invitation.Role, invitation.InvitedBy));
        Assert.Equal(["Acme"], (await fixture.Membership.WorkspacesOfAsync(ana)).Where(w => w.WorkspaceId == workspace.Id).Select(w => w.Name));
    }

    [Fact]
    public async Task Given_a_declined_invitation_When_read_Then_it_is_pending_for_no_one_and_the_invitee_is_no_member()
    {
        var (dee, eve) = (Guid.NewGuid(), Guid.NewGuid());
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var declined = Guid.NewGuid();
        await workspace.WorkspaceEventAsync(workspace.Owner, new WorkspaceEvent.MemberInvited(workspace.Id, declined, TestWorkspace.EmailOf(dee), WorkspaceRole.Member));
        await workspace.InviteAsync(eve);
        await workspace.WorkspaceEventAsync(dee, new WorkspaceEvent.InvitationDeclined(workspace.Id, declined, TestWorkspace.EmailOf(dee)));
        await fixture.CaughtUpAsync();

        Assert.Empty(await fixture.Membership.InvitationsForAsync(TestWorkspace.EmailOf(dee)));
        var toEve = Assert.Single(await fixture.Membership.InvitationsForAsync(TestWorkspace.EmailOf(eve)));
        Assert.Equal(workspace.Owner, toEve.InvitedBy);
        Assert.Equal([TestWorkspace.EmailOf(eve)], (await fixture.Membership.InvitationsAsync(workspace.Owner, workspace.Id)).Select(i => i.Email));
        Assert.Null(await fixture.Membership.RoleOfAsync(dee, workspace.Id));
    }

    [Fact]
    public async Task Given_a_member_who_left_and_came_back_When_reading_periods_Then_they_cover_exactly_the_events_they_may_see()
    {
        var user = Guid.NewGuid();
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var before = await workspace.WorkspaceEventAsync(workspace.Owner, new WorkspaceEvent.WorkspaceRenamed(workspace.Id, "Before"));
        var joined = await workspace.AddMemberAsync(user);
        var during = await workspace.WorkspaceEventAsync(workspace.Owner, new WorkspaceEvent.WorkspaceRenamed(workspace.Id, "During"));
        var removed = await workspace.RemoveMemberAsync(user);
        var away = await workspace.WorkspaceEventAsync(workspace.Owner, new WorkspaceEvent.WorkspaceRenamed(workspace.Id, "Away"));
        var rejoined = await workspace.AddMemberAsync(user);
        await fixture.CaughtUpAsync();

        var periods = await fixture.Membership.PeriodsOfAsync(user);

        Assert.Equal([new(workspace.Id, joined, removed), new(workspace.Id, rejoined, null)], periods);
        bool Sees(long position) => periods.Any(p => p.Covers(position));
        Assert.Equal([false, true, true, false, false, true], new[] { before, joined, during, removed, away, rejoined }.Select(Sees));
    }

    [Fact]
    public async Task Given_a_user_outside_the_workspace_When_reading_its_members_Then_access_is_denied()
    {
        var workspace = await TestWorkspace.CreateAsync(fixture.Log);
        var outsider = Guid.NewGuid();
        await fixture.CaughtUpAsync();

        await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() => fixture.Membership.MembersAsync(outsider, workspace.Id));
        Assert.Empty(await fixture.Membership.WorkspacesOfAsync(outsider));
    }

    [Fact]
    public async Task Given_a_plain_member_When_reading_invitations_Then_access_is_denied()
    {
        var member = Guid.NewGuid();
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", member);
        await fixture.CaughtUpAsync();

        await Assert.ThrowsAsync<WorkspaceAccessDeniedException>(() => fixture.Membership.InvitationsAsync(member, workspace.Id));
    }
}
