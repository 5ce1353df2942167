using System.Collections.Immutable;
using static TaskForge.Domain.Inboxes.InboxCommand;
using static TaskForge.Domain.Inboxes.InboxEvent;

namespace TaskForge.Domain.Inboxes;

public static class InboxDecider
{
    public static InboxState Initial => InboxState.Initial;

    public static Decision<InboxEvent> Decide(InboxCommand command, InboxState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        return command switch
        {
            MarkNotificationRead c when c.NotificationId <= 0 => DomainError.Validation("notificationId must be a positive event id.", "notificationId"),
            MarkNotificationRead c => state.IsRead(c.NotificationId)
                ? Decision<InboxEvent>.None
                : new NotificationRead(c.UserId, c.NotificationId),
            MarkAllNotificationsRead c when c.UpToEventId <= 0 => DomainError.Validation("upToEventId must be a positive event id.", "upToEventId"),
            MarkAllNotificationsRead c => c.UpToEventId <= state.ReadUpTo
                ? Decision<InboxEvent>.None
                : new AllNotificationsRead(c.UserId, c.UpToEventId),
            _ => DomainError.Validation($"Unknown inbox command {command.GetType().Name}."),
        };
    }

    public static InboxState Evolve(InboxState state, InboxEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            NotificationRead e when !state.IsRead(e.NotificationId) => state with { ReadAbove = state.ReadAbove.Add(e.NotificationId) },
            AllNotificationsRead e when e.UpToEventId > state.ReadUpTo => new InboxState(
                e.UpToEventId,
                state.ReadAbove.Where(id => id > e.UpToEventId).ToImmutableSortedSet()),
            _ => state,
        };
    }
}
