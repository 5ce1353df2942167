using TaskForge.Projections.Board;
using TaskForge.Projections.Events;
using TaskForge.Projections.Feeds;
using TaskForge.Projections.Membership;
using TaskForge.Projections.Notifications;
using TaskForge.Projections.Search;
using TaskForge.Projections.Tasks;

namespace TaskForge.Projections.Hosting;

public static class ReadModels
{
    /// <summary>The read models this module projects.</summary>
    public static IReadOnlyList<DomainProjection> All() =>
    [
        new MembershipProjection(),
        new FeedProjection(),
        new NotificationProjection(),
        new BoardProjection(),
        new TaskDetailProjection(),
        new SearchProjection(),
    ];
}
