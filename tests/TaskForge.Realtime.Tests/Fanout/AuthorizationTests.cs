using TaskForge.Domain;
using TaskForge.Domain.Workspaces;
using TaskForge.Realtime.Fanout;
using TaskForge.Realtime.Tests.Support;

namespace TaskForge.Realtime.Tests.Fanout;

/// <summary>Guarantee 6 on the fan-out: each event is authorized as of its position, in replay and live.</summary>
public sealed class AuthorizationTests(RealtimeFixture fixture) : IClassFixture<RealtimeFixture>
{
    private TestLog Log => fixture.Log;

    [Fact]
    public async Task Subscribing_to_a_workspace_or_project_you_are_not_in_is_refused()
    {
        var owner = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        var events = await Log.TaskEventsAsync(workspace, owner, 1);
        await fixture.CertifiedAsync(events[^1]);

        var stranger = Guid.NewGuid();
        Assert.IsType<SubscribeResult.Refused>(await SubscribeAsync(stranger, new RecordingSink(), null, Scope.Workspace(workspace)));
        Assert.IsType<SubscribeResult.Refused>(await SubscribeAsync(stranger, new RecordingSink(), null, Scope.Me, Scope.Project(Guid.NewGuid())));
        var mine = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(owner, new RecordingSink(), null, Scope.Workspace(workspace)));
        await mine.Subscription.DisposeAsync();
    }

    [Fact]
    public async Task Replay_shows_a_member_only_what_happened_from_their_joining_and_never_other_workspaces()
    {
        var owner = Guid.NewGuid();
        var member = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        await fixture.CaughtUpAsync();
        var start = await fixture.HighWaterMark.ReadAsync();
        await Log.TaskEventsAsync(workspace, owner, 30);
        var joined = await Log.AddMemberAsync(workspace, owner, member);
        var after = await Log.TaskEventsAsync(workspace, owner, 20);
        var otherOwner = Guid.NewGuid();
        var other = await Log.CreateWorkspaceAsync(otherOwner);
        await Log.TaskEventsAsync(other, otherOwner, 10);
        var invitation = (await Log.AppendAsync(otherOwner, (StreamIds.Workspace(other),
            new WorkspaceEvent.MemberInvited(other, Guid.NewGuid(), TestLog.EmailOf(member), WorkspaceRole.Member))))[0];
        var last = (await Log.TaskEventsAsync(other, otherOwner, 5))[^1];
        await fixture.CertifiedAsync(last);

        var sink = new RecordingSink();
        var result = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(member, sink, start, Scope.Workspace(workspace), Scope.Me));
        // Invitations to them are theirs through "me", before they join as well.
        Assert.Equal([joined - 1, joined, .. after, invitation], sink.Ids);
        Assert.Equal(sink.Ids.Count, result.Replayed);
        await result.Subscription.DisposeAsync();
    }

    [Fact]
    public async Task An_invitation_and_its_decline_reach_the_invited_person_through_me_and_no_one_else()
    {
        var owner = Guid.NewGuid();
        var invitee = Guid.NewGuid();
        var stranger = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        await fixture.CaughtUpAsync();
        var start = await fixture.HighWaterMark.ReadAsync();
        var invitationId = Guid.NewGuid();
        var invited = (await Log.AppendAsync(owner, (StreamIds.Workspace(workspace),
            new WorkspaceEvent.MemberInvited(workspace, invitationId, TestLog.EmailOf(invitee), WorkspaceRole.Member))))[0];
        var declined = (await Log.AppendAsync(invitee, (StreamIds.Workspace(workspace),
            new WorkspaceEvent.InvitationDeclined(workspace, invitationId, TestLog.EmailOf(invitee)))))[0];
        await fixture.CertifiedAsync(declined);

        var inviteeSink = new RecordingSink();
        var strangerSink = new RecordingSink();
        var mine = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(invitee, inviteeSink, start, Scope.Me));
        var theirs = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(stranger, strangerSink, start, Scope.Me));

        Assert.Equal([invited, declined], inviteeSink.Ids);
        Assert.Empty(strangerSink.Ids);
        await mine.Subscription.DisposeAsync();
        await theirs.Subscription.DisposeAsync();
    }

    [Fact]
    public async Task A_removed_member_stops_at_the_removal_and_is_told_while_others_go_on()
    {
        var owner = Guid.NewGuid();
        var member = Guid.NewGuid();
        var workspace = await Log.CreateWorkspaceAsync(owner);
        await fixture.CertifiedAsync(await Log.AddMemberAsync(workspace, owner, member));

        var memberSink = new RecordingSink();
        var ownerSink = new RecordingSink();
        var memberSubscription = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(member, memberSink, null, Scope.Workspace(workspace)));
        var ownerSubscription = Assert.IsType<SubscribeResult.Subscribed>(await SubscribeAsync(owner, ownerSink, null, Scope.Workspace(workspace)));

        var before = await Log.TaskEventsAsync(workspace, owner, 5, perAppend: 1);
        var removed = await Log.RemoveMemberAsync(workspace, owner, member);
        var afterwards = await Log.TaskEventsAsync(workspace, owner, 5, perAppend: 1);

        await ownerSink.ReceivedAsync(afterwards[^1]);
        await Eventually.TrueAsync(() => memberSink.EndedReason is not null, "the removed member to be told");
        Assert.Equal(EndReasons.MembershipLost, memberSink.EndedReason);
        Assert.Equal(before, memberSink.Ids);
        Assert.Equal([.. before, removed, .. afterwards], ownerSink.Ids);
        await memberSubscription.Subscription.DisposeAsync();
        await ownerSubscription.Subscription.DisposeAsync();
    }

    private Task<SubscribeResult> SubscribeAsync(Guid user, RecordingSink sink, long? after, params Scope[] scopes) =>
        fixture.Fanout.SubscribeAsync(new SubscriptionRequest(user, TestLog.EmailOf(user), scopes, after), sink, CancellationToken.None);
}
