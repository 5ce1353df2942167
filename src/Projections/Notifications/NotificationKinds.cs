namespace TaskForge.Projections.Notifications;

/// <summary>Why a user is notified.</summary>
public static class NotificationKinds
{
    public const string Assigned = "assigned";
    public const string Mentioned = "mentioned";
    public const string Commented = "commented";
    public const string StatusChanged = "status_changed";
    public const string Invited = "invited";
    public const string InvitationAccepted = "invitation_accepted";
    public const string InvitationDeclined = "invitation_declined";
}
