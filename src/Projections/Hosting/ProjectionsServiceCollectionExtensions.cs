using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskForge.EventStore;
using TaskForge.Projections.Board;
using TaskForge.Projections.Daemon;
using TaskForge.Projections.Feeds;
using TaskForge.Projections.History;
using TaskForge.Projections.Membership;
using TaskForge.Projections.Notifications;
using TaskForge.Projections.Rebuild;
using TaskForge.Projections.Search;
using TaskForge.Projections.Tasks;

namespace TaskForge.Projections.Hosting;

public static class ProjectionsServiceCollectionExtensions
{
    /// <summary>The read models this module projects.</summary>
    public static IReadOnlyList<IProjection> ReadModels() =>
    [
        new MembershipProjection(),
        new FeedProjection(),
        new NotificationProjection(),
        new BoardProjection(),
        new TaskDetailProjection(),
        new SearchProjection(),
    ];

    /// <summary>
    /// Adds the projection daemon as a hosted service (needs a <see cref="PostgresEventStore"/> in the container) and
    /// the readers: <see cref="MembershipReader"/>, <see cref="FeedReader"/>, <see cref="NotificationReader"/>,
    /// <see cref="BoardReader"/>, <see cref="TaskDetailReader"/>, <see cref="SearchReader"/>, <see cref="StreamHistoryReader"/>
    /// and <see cref="ProjectionAdmin"/>.
    /// </summary>
    /// <param name="runDaemon">False on nodes that only read (another node runs the projections).</param>
    public static IServiceCollection AddTaskForgeProjections(this IServiceCollection services, ProjectionDaemonOptions? options = null, bool runDaemon = true)
    {
        var settings = options ?? new ProjectionDaemonOptions();
        services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<PostgresEventStore>();
            return new ReadModelDatabase(store.DataSource, settings.Schema ?? store.Schema, store.Schema);
        });
        services.AddSingleton(sp => new ProjectionDaemon(
            sp.GetRequiredService<PostgresEventStore>(), ReadModels(), settings, sp.GetService<ILogger<ProjectionDaemon>>()));
        services.AddHostedService(sp => new ProjectionDaemonService(
            sp.GetRequiredService<PostgresEventStore>(), sp.GetRequiredService<ProjectionDaemon>(), runDaemon));
        services.AddSingleton<MembershipReader>();
        services.AddSingleton<FeedReader>();
        services.AddSingleton<NotificationReader>();
        services.AddSingleton<BoardReader>();
        services.AddSingleton<TaskDetailReader>();
        services.AddSingleton<SearchReader>();
        services.AddSingleton<StreamHistoryReader>();
        services.AddSingleton<ProjectionAdmin>();
        return services;
    }
}
