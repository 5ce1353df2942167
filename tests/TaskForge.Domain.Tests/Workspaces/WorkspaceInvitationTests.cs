using TaskForge.Domain.Tests.Support;
using TaskForge.Domain.Workspaces;
using static TaskForge.Domain.Workspaces.WorkspaceCommand;
using static TaskForge.Domain.Workspaces.WorkspaceEvent;

namespace TaskForge.Domain.Tests.Workspaces;

public sealed class WorkspaceInvitationTests
{
    private static readonly Guid Invitation = Guid.Parse("00000000-0000-0000-0000-0000000001a1");
    private static readonly Guid SecondInvitation = Guid.Parse("00000000-0000-0000-0000-0000000001a2");
    private static readonly Guid NewUser = Guid.Parse("00000000-0000-0000-0000-0000000001b1");

    private static MemberInvited Invited(WorkspaceRole role = WorkspaceRole.Member) =>
        new(Ids.Workspace, Invitation, "new@example.com", role);

    private static Outcome<WorkspaceEvent> When(WorkspaceCommand command, params WorkspaceEvent[] extra) =>
        WorkspaceFixture.Scenario().Given(WorkspaceFixture.WithAllRoles()).Given(extra)
            .When(state => WorkspaceDecider.Decide(command, state));

    [Fact]
    public void Given_a_workspace_When_an_admin_invites_an_email_Then_MemberInvited_with_a_normalized_email() =>
        When(new InviteMember(Ids.Admin, Ids.Now, Ids.Workspace, Invitation, " New@Example.COM ", WorkspaceRole.Member))
            .Then(Invited());

    [Fact]
    public void Given_a_pending_invitation_When_the_same_invite_is_repeated_Then_no_events() =>
        When(new InviteMember(Ids.Admin, Ids.Now, Ids.Workspace, Invitation, "new@example.com", WorkspaceRole.Member), Invited())
            .ThenNothing();

    [Fact]
    public void Given_a_pending_invitation_When_another_invitation_for_the_same_email_Then_ALREADY_EXISTS() =>
        When(new InviteMember(Ids.Admin, Ids.Now, Ids.Workspace, Guid.NewGuid(), "new@example.com", WorkspaceRole.Admin), Invited())
            .ThenError(ErrorCodes.AlreadyExists);

    [Fact]
    public void Given_a_pending_invitation_When_its_id_is_reused_for_another_email_Then_ALREADY_EXISTS() =>
        When(new InviteMember(Ids.Admin, Ids.Now, Ids.Workspace, Invitation, "other@example.com", WorkspaceRole.Member), Invited())
            .ThenError(ErrorCodes.AlreadyExists);

    [Fact]
    public void Given_a_member_When_their_email_is_invited_Then_ALREADY_MEMBER_about_email() =>
        Assert.Equal("email", When(new InviteMember(Ids.Admin, Ids.Now, Ids.Workspace, Invitation, "MEMBER@example.com", WorkspaceRole.Member))
            .ThenError(ErrorCodes.AlreadyMember).Field);

    [Fact]
    public void Given_an_admin_When_they_invite_an_owner_Then_FORBIDDEN() =>
        When(new InviteMember(Ids.Admin, Ids.Now, Ids.Workspace, Invitation, "new@example.com", WorkspaceRole.Owner))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_an_owner_When_they_invite_an_owner_Then_MemberInvited() =>
        When(new InviteMember(Ids.Owner, Ids.Now, Ids.Workspace, Invitation, "new@example.com", WorkspaceRole.Owner))
            .Then(Invited(WorkspaceRole.Owner));

    [Theory]
    [InlineData("00000000-0000-0000-0000-0000000000f3")]
    [InlineData("00000000-0000-0000-0000-0000000000f4")]
    [InlineData("00000000-0000-0000-0000-0000000000f5")]
    public void Given_a_member_viewer_or_auditor_When_they_invite_Then_FORBIDDEN(string actor) =>
        When(new InviteMember(Guid.Parse(actor), Ids.Now, Ids.Workspace, Invitation, "new@example.com", WorkspaceRole.Member))
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_an_outsider_When_they_invite_Then_NOT_FOUND() =>
        When(new InviteMember(Ids.Outsider, Ids.Now, Ids.Workspace, Invitation, "new@example.com", WorkspaceRole.Member))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_workspace_When_an_undefined_role_is_invited_Then_VALIDATION() =>
        When(new InviteMember(Ids.Owner, Ids.Now, Ids.Workspace, Invitation, "new@example.com", (WorkspaceRole)42))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_workspace_When_a_bad_email_is_invited_Then_VALIDATION() =>
        When(new InviteMember(Ids.Owner, Ids.Now, Ids.Workspace, Invitation, "new\u0007@example.com", WorkspaceRole.Member))
            .ThenError(ErrorCodes.Validation);

    [Fact]
    public void Given_a_pending_invitation_When_the_invitee_accepts_Then_InvitationAccepted_with_the_invited_role() =>
        When(new AcceptInvitation(NewUser, Ids.Now, Ids.Workspace, Invitation, "NEW@example.com"), Invited(WorkspaceRole.Viewer))
            .Then(new InvitationAccepted(Ids.Workspace, Invitation, NewUser, "new@example.com", WorkspaceRole.Viewer));

    [Fact]
    public void Given_an_accepted_invitation_When_accepted_again_Then_no_events() =>
        When(
                new AcceptInvitation(NewUser, Ids.Now, Ids.Workspace, Invitation, "new@example.com"),
                Invited(),
                new InvitationAccepted(Ids.Workspace, Invitation, NewUser, "new@example.com", WorkspaceRole.Member))
            .ThenNothing();

    [Fact]
    public void Given_an_invitation_for_someone_else_When_an_outsider_accepts_Then_NOT_FOUND() =>
        When(new AcceptInvitation(Ids.Outsider, Ids.Now, Ids.Workspace, Invitation, "outsider@example.com"), Invited())
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_an_invitation_When_the_invitee_names_a_wrong_invitation_id_Then_INVITATION_NOT_FOUND() =>
        When(new AcceptInvitation(NewUser, Ids.Now, Ids.Workspace, Guid.NewGuid(), "new@example.com"), Invited())
            .ThenError(ErrorCodes.InvitationNotFound);

    [Fact]
    public void Given_a_member_When_they_accept_an_invitation_Then_ALREADY_MEMBER_about_no_one_input_field() =>
        Assert.Null(When(new AcceptInvitation(Ids.Member, Ids.Now, Ids.Workspace, Invitation, "new@example.com"), Invited())
            .ThenError(ErrorCodes.AlreadyMember).Field);

    [Fact]
    public void Given_no_workspace_When_AcceptInvitation_Then_NOT_FOUND() =>
        WorkspaceFixture.Scenario()
            .When(state => WorkspaceDecider.Decide(new AcceptInvitation(NewUser, Ids.Now, Ids.Workspace, Invitation, "new@example.com"), state))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_pending_invitation_When_an_admin_revokes_it_Then_InvitationRevoked() =>
        When(new RevokeInvitation(Ids.Admin, Ids.Now, Ids.Workspace, Invitation), Invited())
            .Then(new InvitationRevoked(Ids.Workspace, Invitation, "new@example.com"));

    [Fact]
    public void Given_a_revoked_invitation_When_revoked_again_Then_no_events() =>
        When(new RevokeInvitation(Ids.Admin, Ids.Now, Ids.Workspace, Invitation), Invited(), new InvitationRevoked(Ids.Workspace, Invitation, "new@example.com"))
            .ThenNothing();

    [Fact]
    public void Given_a_revoked_invitation_When_the_invitee_accepts_Then_NOT_FOUND() =>
        When(new AcceptInvitation(NewUser, Ids.Now, Ids.Workspace, Invitation, "new@example.com"), Invited(), new InvitationRevoked(Ids.Workspace, Invitation, "new@example.com"))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_no_such_invitation_When_an_admin_revokes_it_Then_INVITATION_NOT_FOUND() =>
        When(new RevokeInvitation(Ids.Admin, Ids.Now, Ids.Workspace, Invitation))
            .ThenError(ErrorCodes.InvitationNotFound);

    [Fact]
    public void Given_a_pending_invitation_When_a_member_revokes_it_Then_FORBIDDEN() =>
        When(new RevokeInvitation(Ids.Member, Ids.Now, Ids.Workspace, Invitation), Invited())
            .ThenError(ErrorCodes.Forbidden);

    [Fact]
    public void Given_a_pending_invitation_When_the_invitee_declines_Then_InvitationDeclined() =>
        When(new DeclineInvitation(NewUser, Ids.Now, Ids.Workspace, Invitation, " NEW@example.com"), Invited())
            .Then(new InvitationDeclined(Ids.Workspace, Invitation, "new@example.com"));

    [Fact]
    public void Given_a_declined_invitation_When_declined_again_Then_no_events() =>
        When(new DeclineInvitation(NewUser, Ids.Now, Ids.Workspace, Invitation, "new@example.com"), Invited(), new InvitationDeclined(Ids.Workspace, Invitation, "new@example.com"))
            .ThenNothing();

    [Fact]
    public void Given_a_declined_invitation_When_the_invitee_accepts_Then_NOT_FOUND() =>
        When(new AcceptInvitation(NewUser, Ids.Now, Ids.Workspace, Invitation, "new@example.com"), Invited(), new InvitationDeclined(Ids.Workspace, Invitation, "new@example.com"))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_declined_invitation_When_an_admin_invites_the_email_again_Then_MemberInvited() =>
        When(new InviteMember(Ids.Admin, Ids.Now, Ids.Workspace, SecondInvitation, "new@example.com", WorkspaceRole.Member),
                Invited(), new InvitationDeclined(Ids.Workspace, Invitation, "new@example.com"))
            .Then(new MemberInvited(Ids.Workspace, SecondInvitation, "new@example.com", WorkspaceRole.Member));

    [Fact]
    public void Given_an_invitation_for_someone_else_When_an_outsider_declines_Then_NOT_FOUND_and_it_stays_pending() =>
        When(new DeclineInvitation(Ids.Outsider, Ids.Now, Ids.Workspace, Invitation, "outsider@example.com"), Invited())
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_an_invitation_When_the_invitee_declines_another_invitation_id_Then_INVITATION_NOT_FOUND() =>
        When(new DeclineInvitation(NewUser, Ids.Now, Ids.Workspace, Guid.NewGuid(), "new@example.com"), Invited())
            .ThenError(ErrorCodes.InvitationNotFound);

    [Fact]
    public void Given_an_accepted_invitation_When_the_new_member_declines_it_Then_ALREADY_MEMBER() =>
        When(
                new DeclineInvitation(NewUser, Ids.Now, Ids.Workspace, Invitation, "new@example.com"),
                Invited(),
                new InvitationAccepted(Ids.Workspace, Invitation, NewUser, "new@example.com", WorkspaceRole.Member))
            .ThenError(ErrorCodes.AlreadyMember);

    [Fact]
    public void Given_no_workspace_When_DeclineInvitation_Then_NOT_FOUND() =>
        WorkspaceFixture.Scenario()
            .When(state => WorkspaceDecider.Decide(new DeclineInvitation(NewUser, Ids.Now, Ids.Workspace, Invitation, "new@example.com"), state))
            .ThenError(ErrorCodes.NotFound);

    [Fact]
    public void Given_a_declined_invitation_When_evolved_Then_nothing_is_pending_and_no_one_joined()
    {
        var state = Assert.IsType<WorkspaceState.Active>(WorkspaceFixture.State(
            [.. WorkspaceFixture.WithAllRoles(), Invited(), new InvitationDeclined(Ids.Workspace, Invitation, "new@example.com")]));
        Assert.Empty(state.Invitations);
        Assert.Null(state.RoleOf(NewUser));
        Assert.Contains(Invitation, state.ClosedInvitationIds);
    }

    [Fact]
    public void Given_an_accepted_invitation_When_evolved_Then_the_invitee_is_a_member_and_nothing_is_pending()
    {
        var state = Assert.IsType<WorkspaceState.Active>(WorkspaceFixture.State(
            [.. WorkspaceFixture.WithAllRoles(), Invited(), new InvitationAccepted(Ids.Workspace, Invitation, NewUser, "new@example.com", WorkspaceRole.Member)]));
        Assert.Equal(WorkspaceRole.Member, state.RoleOf(NewUser));
        Assert.Empty(state.Invitations);
    }
}
