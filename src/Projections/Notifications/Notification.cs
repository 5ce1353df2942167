namespace TaskForge.Projections.Notifications;

/// <summary>
/// A notification; <see cref="Position"/> is the global id of the event it came from, which is also its id for
/// MarkNotificationRead and the pagination cursor.
/// </summary>
public sealed record Notification(
    long Position,
    Guid WorkspaceId,
    string Kind,
    Guid? ActorId,
    string TargetType,
    Guid TargetId,
    string TargetTitle,
    string Summary,
    DateTimeOffset OccurredAt,
    bool Read);

/// <summary>A page of notifications, newest first, with the unread count; <see cref="NextBefore"/> is the next cursor.</summary>
public sealed record NotificationPage(IReadOnlyList<Notification> Notifications, long UnreadCount, long? NextBefore);
