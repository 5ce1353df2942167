using TaskForge.Domain.Inboxes;
using TaskForge.Domain.Tests.Support;
using static TaskForge.Domain.Inboxes.InboxCommand;
using static TaskForge.Domain.Inboxes.InboxEvent;

namespace TaskForge.Domain.Tests.Inboxes;

public sealed class InboxTests
{
    private static Outcome<InboxEvent> When(InboxCommand command, params InboxEvent[] given) =>
        new Scenario<InboxState, InboxEvent>(InboxDecider.Evolve, InboxDecider.Initial).Given(given)
            .When(state => InboxDecider.Decide(command, state));

    [Fact]
    public void Given_an_empty_inbox_When_a_notification_is_marked_read_Then_NotificationRead() =>
        When(new MarkNotificationRead(Ids.Member, Ids.Now, 42)).Then(new NotificationRead(Ids.Member, 42));

    [Fact]
    public void Given_a_read_notification_When_marked_read_again_Then_no_events() =>
        When(new MarkNotificationRead(Ids.Member, Ids.Now, 42), new NotificationRead(Ids.Member, 42)).ThenNothing();

    [Fact]
    public void Given_all_read_up_to_100_When_notification_42_is_marked_read_Then_no_events() =>
        When(new MarkNotificationRead(Ids.Member, Ids.Now, 42), new AllNotificationsRead(Ids.Member, 100)).ThenNothing();

    [Fact]
    public void Given_all_read_up_to_100_When_all_are_marked_read_up_to_150_Then_AllNotificationsRead() =>
        When(new MarkAllNotificationsRead(Ids.Member, Ids.Now, 150), new AllNotificationsRead(Ids.Member, 100))
            .Then(new AllNotificationsRead(Ids.Member, 150));

    [Fact]
    public void Given_all_read_up_to_100_When_all_are_marked_read_up_to_80_Then_no_events() =>
        When(new MarkAllNotificationsRead(Ids.Member, Ids.Now, 80), new AllNotificationsRead(Ids.Member, 100)).ThenNothing();

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Given_an_inbox_When_a_non_positive_id_is_marked_Then_VALIDATION(long id)
    {
        When(new MarkNotificationRead(Ids.Member, Ids.Now, id)).ThenError(ErrorCodes.Validation);
        When(new MarkAllNotificationsRead(Ids.Member, Ids.Now, id)).ThenError(ErrorCodes.Validation);
    }

    [Fact]
    public void Given_single_reads_then_read_all_When_evolved_Then_marks_below_the_horizon_fold_into_it()
    {
        var state = new Scenario<InboxState, InboxEvent>(InboxDecider.Evolve, InboxDecider.Initial).Given(
            new NotificationRead(Ids.Member, 10),
            new NotificationRead(Ids.Member, 120),
            new AllNotificationsRead(Ids.Member, 100)).State;
        Assert.Equal(100, state.ReadUpTo);
        Assert.Equal([120L], state.ReadAbove);
        Assert.True(state.IsRead(57));
        Assert.False(state.IsRead(101));
    }

    [Fact]
    public void Given_a_command_When_asked_for_its_stream_Then_it_is_the_actors_inbox() =>
        Assert.Equal($"inbox-{Ids.Member:N}", new MarkAllNotificationsRead(Ids.Member, Ids.Now, 1).StreamId);
}
