namespace TaskForge.Domain.Inboxes;

/// <summary>Read marks on the actor's own inbox; an inbox spans workspaces, so it has no workspace id.</summary>
public abstract record InboxCommand(Guid ActorId, DateTimeOffset Now)
{
    public Guid UserId => ActorId;

    public string StreamId => StreamIds.Inbox(ActorId);

    public sealed record MarkNotificationRead(Guid ActorId, DateTimeOffset Now, long NotificationId) : InboxCommand(ActorId, Now), IRetryableCommand;

    public sealed record MarkAllNotificationsRead(Guid ActorId, DateTimeOffset Now, long UpToEventId) : InboxCommand(ActorId, Now), IRetryableCommand;
}
