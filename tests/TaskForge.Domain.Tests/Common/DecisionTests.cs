using TaskForge.Domain.Inboxes;

namespace TaskForge.Domain.Tests.Common;

public sealed class DecisionTests
{
    [Fact]
    public void Given_a_default_decision_When_read_Then_it_has_no_events_and_no_error()
    {
        var decision = default(Decision<InboxEvent>);
        Assert.Empty(decision.Events);
        Assert.False(decision.IsError);
    }

    [Fact]
    public void Given_an_event_or_an_array_or_an_error_When_converted_Then_the_decision_holds_it()
    {
        InboxEvent read = new InboxEvent.NotificationRead(Guid.Empty, 1);
        Decision<InboxEvent> one = read;
        Decision<InboxEvent> many = new[] { read, read };
        Decision<InboxEvent> failed = new DomainError(ErrorCodes.Conflict, "moved on");
        Assert.Equal([read], one.Events);
        Assert.Equal(2, many.Events.Count);
        Assert.True(failed.IsError);
        Assert.Equal(ErrorCodes.Conflict, failed.Error!.Code);
        Assert.Empty(failed.Events);
        Assert.Empty(Decision<InboxEvent>.None.Events);
    }

    [Fact]
    public void Given_the_error_codes_When_listed_Then_they_are_unique_upper_snake_case()
    {
        Assert.Equal(ErrorCodes.All.Count, ErrorCodes.All.Distinct().Count());
        Assert.All(ErrorCodes.All, code => Assert.Matches("^[A-Z]+(_[A-Z]+)*$", code));
        Assert.Contains("STATUS_NOT_ON_BOARD", ErrorCodes.All);
    }
}
