using TaskForge.Domain;
using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Tasks;
using TaskForge.Projections.Notifications;
using TaskForge.Projections.Tests.Support;

namespace TaskForge.Projections.Tests.ReadModels;

public sealed class NotificationTests(ReadModelFixture fixture) : IClassFixture<ReadModelFixture>
{
    [Fact]
    public async Task Given_assignments_mentions_comments_and_status_changes_When_read_Then_each_person_gets_the_right_kinds()
    {
        var (creator, assignee, watcher, mentioned, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", creator, assignee, watcher, mentioned, other);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(creator, "Fix login");
        var assigned = await project.TaskEventAsync(creator, new TaskEvent.TaskAssigned(task, project.Id, workspace.Id, assignee));
        await project.TaskEventAsync(watcher, new TaskEvent.TaskWatched(task, project.Id, workspace.Id, watcher));
        var (_, commented) = await project.CommentAsync(other, task, "any news?", mentioned);
        var moved = await project.TaskEventAsync(assignee,
            new TaskEvent.TaskMoved(task, project.Id, workspace.Id, project.Columns[0], project.Columns[1], "i"));
        await fixture.CaughtUpAsync();

        Assert.Equal([(moved, NotificationKinds.StatusChanged), (commented, NotificationKinds.Commented)], await KindsAsync(creator));
        Assert.Equal([(commented, NotificationKinds.Commented), (assigned, NotificationKinds.Assigned)], await KindsAsync(assignee));
        Assert.Equal([(commented, NotificationKinds.Commented)], await KindsAsync(watcher));
        Assert.Equal([(commented, NotificationKinds.Mentioned)], await KindsAsync(mentioned));
        Assert.Empty(await KindsAsync(other));
        var first = (await fixture.Notifications.ListAsync(assignee)).Notifications[^1];
        Assert.Equal(("Fix login", (Guid?)creator, false), (first.TargetTitle, first.ActorId, first.Read));
    }

    [Fact]
    public async Task Given_an_edited_comment_When_read_Then_only_people_it_newly_mentions_are_notified()
    {
        var (author, first, second) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", author, first, second);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(workspace.Owner, "Plan");
        var (comment, added) = await project.CommentAsync(author, task, "hi @first", first);
        var edited = await project.CommentEventAsync(author,
            new Domain.Comments.CommentEvent.CommentEdited(comment, task, project.Id, workspace.Id, "hi @first and @second", [first, second]));
        await fixture.CaughtUpAsync();

        Assert.Equal([(added, NotificationKinds.Mentioned)], await KindsAsync(first));
        Assert.Equal([(edited, NotificationKinds.Mentioned)], await KindsAsync(second));
        Assert.Equal([(added, NotificationKinds.Commented)], await KindsAsync(workspace.Owner));
    }

    [Fact]
    public async Task Given_someone_acting_on_their_own_task_When_read_Then_they_are_never_notified_of_it()
    {
        var me = Guid.NewGuid();
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", me);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(me, "Mine", assignees: [me]);
        await project.TaskEventAsync(me, new TaskEvent.TaskCompleted(task, project.Id, workspace.Id));
        await project.CommentAsync(me, task, "note to self", me);
        await fixture.CaughtUpAsync();

        Assert.Empty(await KindsAsync(me));
    }

    [Fact]
    public async Task Given_invitations_answered_When_read_Then_the_member_who_sent_each_is_told_and_a_revoked_one_tells_no_one()
    {
        var (admin, joiner, decliner, revoked) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Answers", admin);
        var toJoiner = Guid.NewGuid();
        var toDecliner = Guid.NewGuid();
        var toRevoked = Guid.NewGuid();
        await workspace.WorkspaceEventAsync(admin, new Domain.Workspaces.WorkspaceEvent.MemberInvited(workspace.Id, toJoiner, TestWorkspace.EmailOf(joiner), WorkspaceRole.Member));
        await workspace.WorkspaceEventAsync(admin, new Domain.Workspaces.WorkspaceEvent.MemberInvited(workspace.Id, toDecliner, TestWorkspace.EmailOf(decliner), WorkspaceRole.Viewer));
        await workspace.WorkspaceEventAsync(workspace.Owner, new Domain.Workspaces.WorkspaceEvent.MemberInvited(workspace.Id, toRevoked, TestWorkspace.EmailOf(revoked), WorkspaceRole.Member));
        // The acceptance predates these notifications (an upgrade's rebuild replays it as read); the decline is new.
        var accepted = (await fixture.Log.AppendAtAsync(StreamIds.Workspace(workspace.Id), joiner, NotificationProjection.InvitationAnswersSince.AddMinutes(-1),
            new Domain.Workspaces.WorkspaceEvent.InvitationAccepted(workspace.Id, toJoiner, joiner, TestWorkspace.EmailOf(joiner), WorkspaceRole.Member)))[0];
        var declined = (await fixture.Log.AppendAtAsync(StreamIds.Workspace(workspace.Id), decliner, NotificationProjection.InvitationAnswersSince.AddMinutes(1),
            new Domain.Workspaces.WorkspaceEvent.InvitationDeclined(workspace.Id, toDecliner, TestWorkspace.EmailOf(decliner))))[0];
        await workspace.WorkspaceEventAsync(workspace.Owner, new Domain.Workspaces.WorkspaceEvent.InvitationRevoked(workspace.Id, toRevoked, TestWorkspace.EmailOf(revoked)));
        await fixture.CaughtUpAsync();

        var toAdmin = (await fixture.Notifications.ListAsync(admin)).Notifications;
        Assert.Equal([(declined, NotificationKinds.InvitationDeclined, decliner), (accepted, NotificationKinds.InvitationAccepted, joiner)],
            toAdmin.Select(n => (n.Position, n.Kind, n.ActorId!.Value)));
        Assert.Equal(("Answers", "workspace"), (toAdmin[0].TargetTitle, toAdmin[0].TargetType));
        Assert.Equal([false, true], toAdmin.Select(n => n.Read));
        Assert.Equal(1, await fixture.Notifications.UnreadCountAsync(admin));
        Assert.DoesNotContain((await fixture.Notifications.ListAsync(workspace.Owner)).Notifications,
            n => n.Kind is NotificationKinds.InvitationAccepted or NotificationKinds.InvitationDeclined && n.Position >= accepted);
    }

    [Fact]
    public async Task Given_an_invitation_to_a_known_user_When_read_Then_they_are_notified_though_not_a_member_yet()
    {
        var invitee = Guid.NewGuid();
        await TestWorkspace.CreateAsync(fixture.Log, "Elsewhere", invitee);
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme");
        var invited = await workspace.InviteAsync(invitee, WorkspaceRole.Admin);
        await fixture.CaughtUpAsync();

        var notification = (await fixture.Notifications.ListAsync(invitee)).Notifications[0];
        Assert.Equal((invited, NotificationKinds.Invited, workspace.Id, "Acme"),
            (notification.Position, notification.Kind, notification.TargetId, notification.TargetTitle));
    }

    [Fact]
    public async Task Given_inbox_read_marks_When_read_Then_read_flags_and_unread_count_follow_them()
    {
        var assignee = Guid.NewGuid();
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", assignee);
        var project = await workspace.CreateProjectAsync();
        var positions = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var task = await project.CreateTaskAsync(workspace.Owner, $"Task {i}");
            positions.Add(await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskAssigned(task, project.Id, workspace.Id, assignee)));
        }

        await fixture.CaughtUpAsync();
        Assert.Equal(3, await fixture.Notifications.UnreadCountAsync(assignee));

        await fixture.Log.AppendOneAsync(StreamIds.Inbox(assignee), assignee, new InboxEvent.NotificationRead(assignee, positions[1]));
        await fixture.CaughtUpAsync();
        var page = await fixture.Notifications.ListAsync(assignee, unreadOnly: true);
        Assert.Equal([positions[2], positions[0]], page.Notifications.Select(n => n.Position));
        Assert.Equal(2, page.UnreadCount);

        await fixture.Log.AppendOneAsync(StreamIds.Inbox(assignee), assignee, new InboxEvent.AllNotificationsRead(assignee, positions[2]));
        await fixture.CaughtUpAsync();
        Assert.Equal(0, await fixture.Notifications.UnreadCountAsync(assignee));
        Assert.All((await fixture.Notifications.ListAsync(assignee)).Notifications, n => Assert.True(n.Read));
    }

    [Fact]
    public async Task Given_a_removed_member_When_read_Then_the_workspace_notifications_are_hidden_and_no_new_ones_arrive()
    {
        var member = Guid.NewGuid();
        var workspace = await TestWorkspace.CreateAsync(fixture.Log, "Acme", member);
        var project = await workspace.CreateProjectAsync();
        var task = await project.CreateTaskAsync(workspace.Owner, "Before", assignees: [member]);
        await workspace.RemoveMemberAsync(member);
        await project.TaskEventAsync(workspace.Owner, new TaskEvent.TaskCompleted(task, project.Id, workspace.Id));
        await fixture.CaughtUpAsync();

        Assert.Empty((await fixture.Notifications.ListAsync(member)).Notifications);
        Assert.Equal(0, await fixture.Notifications.UnreadCountAsync(member));
        var rows = await TestLog.ColumnAsync<string>(fixture.DataSource, $"SELECT kind FROM rm.notifications WHERE user_id = '{member}'");
        Assert.Equal([NotificationKinds.Assigned], rows);
    }

    private async Task<List<(long, string)>> KindsAsync(Guid user) =>
        [.. (await fixture.Notifications.ListAsync(user)).Notifications.Where(n => n.Kind is not (NotificationKinds.Invited or NotificationKinds.InvitationAccepted or NotificationKinds.InvitationDeclined)).Select(n => (n.Position, n.Kind))];
}
