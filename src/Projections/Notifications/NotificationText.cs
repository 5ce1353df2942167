namespace TaskForge.Projections.Notifications;

/// <summary>The kind of a notification, its target and a short summary.</summary>
internal sealed record NotificationText(string Kind, string TargetType, Guid TargetId, string Summary);
