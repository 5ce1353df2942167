using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TaskForge.Projections.Admin;
using TaskForge.Projections.Board;
using TaskForge.Projections.Feeds;
using TaskForge.Projections.History;
using TaskForge.Projections.Runtime;
using TaskForge.Projections.Membership;
using TaskForge.Projections.Notifications;
using TaskForge.Projections.Search;
using TaskForge.Projections.Tasks;
using TaskForge.Projections.Versions;

namespace TaskForge.Projections.Hosting;

public static class ProjectionsConfiguration
{
    /// <summary>
    /// Registers each read model of <paramref name="catalog"/> as an async Marten projection. Poison events (a projection
    /// throws on one) go to Marten's dead-letter storage and the projection goes on; <see cref="ProjectionAdmin"/> lists
    /// and replays them.
    /// </summary>
    public static StoreOptions AddTaskForgeProjections(this StoreOptions options, ReadModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var projection in catalog.All)
        {
            options.Projections.Add(projection, ProjectionLifecycle.Async, projection.Projection.MartenName, _ => { });
            // The daemon's event filter (ADR 0122): each shard loads only the event types its read model reads. Marten
            // wraps an IProjection and keeps the filter on the wrapper, which Add has just registered.
            var registered = options.Projections.All[^1];
            if (registered is not ProjectionWrapper<IDocumentOperations, IQuerySession> wrapper || !ReferenceEquals(wrapper.Inner, projection))
                throw new InvalidOperationException($"Marten did not register {projection.Projection.MartenName} as the wrapper this filter expects.");
            wrapper.IncludedEventTypes.AddRange(projection.Projection.EventTypes);
        }

        options.Projections.Errors.SkipApplyErrors = true;
        options.Projections.RebuildErrors.SkipApplyErrors = true;
        return options;
    }

    /// <summary>
    /// The read models' catalog, schema and version switching, and their readers: <see cref="MembershipReader"/>,
    /// <see cref="FeedReader"/>, <see cref="NotificationReader"/>, <see cref="BoardReader"/>, <see cref="ProjectReader"/>, <see cref="TaskDetailReader"/>,
    /// <see cref="SearchReader"/>, <see cref="StreamHistoryReader"/> and <see cref="ProjectionAdmin"/>. Needs an
    /// <see cref="NpgsqlDataSource"/> and Marten (<c>AddMarten</c>, with <see cref="AddTaskForgeProjections"/>) registered.
    /// </summary>
    public static IServiceCollection AddTaskForgeReadModels(this IServiceCollection services, ReadModelCatalog catalog)
    {
        services.AddSingleton(catalog);
        services.AddSingleton(sp => new ReadModelDatabase(sp.GetRequiredService<NpgsqlDataSource>(), catalog.Schema));
        services.AddSingleton<ReadModelVersions>();
        services.AddSingleton<ProjectionProgress>();
        services.AddHostedService<ReadModelSchemaService>();
        services.AddHostedService<VersionCutoverService>();
        services.AddSingleton<MembershipReader>();
        services.AddSingleton<FeedReader>();
        services.AddSingleton<NotificationReader>();
        services.AddSingleton<BoardReader>();
        services.AddSingleton<ProjectReader>();
        services.AddSingleton<TaskDetailReader>();
        services.AddSingleton<SearchReader>();
        services.AddSingleton<AssignedTaskReader>();
        services.AddSingleton<DeletedTaskReader>();
        services.AddSingleton<StreamHistoryReader>();
        services.AddSingleton<ProjectionAdmin>();
        return services;
    }
}
