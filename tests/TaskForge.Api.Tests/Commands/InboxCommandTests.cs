using TaskForge.Api.Commands;
using TaskForge.Api.Tests.Commands.Support;
using TaskForge.Domain;
using TaskForge.Domain.Inboxes;

namespace TaskForge.Api.Tests.Commands;

public sealed class InboxCommandTests(CommandFixture fixture) : IClassFixture<CommandFixture>
{
    [Fact]
    public async Task Given_a_read_mark_stored_after_the_load_When_marking_another_notification_read_Then_it_retries_and_both_are_read()
    {
        var user = Guid.NewGuid();
        var appender = (InterleavingAppender?)null;
        var handler = fixture.HandlerWith(inner => appender = new InterleavingAppender(inner, () =>
            TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(new InboxCommand.MarkNotificationRead(user, TestBoard.Now, 41)))));

        var result = await TestBoard.SucceedsAsync(handler.HandleAsync(new InboxCommand.MarkNotificationRead(user, TestBoard.Now, 42)));

        Assert.Equal(2, appender!.Appends);
        Assert.Equal(2, result.Version);
        var inbox = await fixture.LoadAsync<InboxState, InboxEvent>(StreamIds.Inbox(user), InboxDecider.Initial, InboxDecider.Evolve, default);
        Assert.True(inbox.State.IsRead(41) && inbox.State.IsRead(42));
    }

    [Fact]
    public async Task Given_an_inbox_command_Then_its_events_carry_the_actor_and_no_workspace()
    {
        var user = Guid.NewGuid();

        await TestBoard.SucceedsAsync(fixture.Handler.HandleAsync(new InboxCommand.MarkAllNotificationsRead(user, TestBoard.Now, 100)));

        var stored = Assert.Single(await fixture.Store.ReadStreamAsync(StreamIds.Inbox(user)));
        Assert.Equal(user.ToString(), stored.Metadata.ActorId);
        Assert.Null(stored.Metadata.WorkspaceId);
    }

    [Fact]
    public async Task Given_an_invalid_notification_id_When_marked_read_Then_VALIDATION_and_nothing_is_written()
    {
        var user = Guid.NewGuid();

        await TestBoard.FailsAsync(fixture.Handler.HandleAsync(new InboxCommand.MarkNotificationRead(user, TestBoard.Now, 0)), ErrorCodes.Validation);

        Assert.Equal(0, await fixture.Store.ReadStreamVersionAsync(StreamIds.Inbox(user)));
        Assert.IsType<CommandResult.Failed>(await fixture.Handler.HandleAsync(new InboxCommand.MarkAllNotificationsRead(user, TestBoard.Now, -1)));
    }
}
