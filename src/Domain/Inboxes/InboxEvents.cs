namespace TaskForge.Domain.Inboxes;

public abstract record InboxEvent
{
    public abstract Guid UserId { get; init; }

    /// <summary><paramref name="NotificationId"/> is the global id of the event the notification came from.</summary>
    public sealed record NotificationRead(Guid UserId, long NotificationId) : InboxEvent;

    public sealed record AllNotificationsRead(Guid UserId, long UpToEventId) : InboxEvent;
}
