using System.Collections.Immutable;

namespace TaskForge.Domain.Inboxes;

/// <param name="ReadUpTo">Every notification with an id up to this one is read.</param>
/// <param name="ReadAbove">Notifications above <paramref name="ReadUpTo"/> read one by one.</param>
public sealed record InboxState(long ReadUpTo, ImmutableSortedSet<long> ReadAbove)
{
    public static InboxState Initial { get; } = new(0, []);

    public bool IsRead(long notificationId) => notificationId <= ReadUpTo || ReadAbove.Contains(notificationId);
}
