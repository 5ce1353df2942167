using TaskForge.Api.Schema;
using TaskForge.GraphQL.Types;
using TaskForge.Projections.Notifications;
using static TaskForge.Domain.Inboxes.InboxCommand;

namespace TaskForge.Api.Inbox;

/// <summary>The read marks of the caller's own notifications.</summary>
public static class InboxMutations
{
    public static SchemaBuilder BindInboxMutations(this SchemaBuilder schema, IServiceProvider services)
    {
        var run = services.GetRequiredService<MutationRunner>();
        var notifications = services.GetRequiredService<NotificationReader>();
        return schema
            .BindField("Mutation", "markNotificationRead", ctx => run.RunAsync(ctx, "unreadNotificationCount", ReadModelNames.Inbox, async (input, caller, options, ct) =>
            {
                var id = input.Id("notificationId", GlobalIdKind.Notification);
                var result = await run.Commands.HandleAsync(new MarkNotificationRead(caller.Id, run.Now, id.Number), options, ct);
                return (result, async () => (object?)await notifications.UnreadCountAsync(caller.Id, ct));
            }))
            .BindField("Mutation", "markAllNotificationsRead", ctx => run.RunAsync(ctx, "unreadNotificationCount", ReadModelNames.Inbox, async (input, caller, options, ct) =>
            {
                var upTo = input.EventId("upToEventId") ?? long.MaxValue;
                var result = await run.Commands.HandleAsync(new MarkAllNotificationsRead(caller.Id, run.Now, upTo), options, ct);
                return (result, async () => (object?)await notifications.UnreadCountAsync(caller.Id, ct));
            }));
    }
}
