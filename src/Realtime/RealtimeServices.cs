using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TaskForge.Realtime.Authorization;
using TaskForge.Realtime.Fanout;

namespace TaskForge.Realtime;

public static class RealtimeServices
{
    /// <summary>
    /// The fan-out without a transport: one <see cref="LogTailer"/> per process (a hosted service), the
    /// <see cref="EventFanout"/> that subscriptions are made on, and its metrics. Needs TaskForge's storage and read models
    /// registered (<c>EventLogReader</c>, <c>HighWaterMark</c>, <c>MembershipReader</c>, an <c>NpgsqlDataSource</c>, Marten).
    /// </summary>
    public static IServiceCollection AddTaskForgeRealtimeFanout(this IServiceCollection services, Action<RealtimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RealtimeOptions>();
        if (configure is not null)
            options.Configure(configure);
        // The tailer offers a page at a time: a buffer smaller than a page makes even a fast subscriber resync on a burst.
        options.Validate(o => o.PageSize > 0 && o.SubscriptionBufferCapacity >= o.PageSize,
                "Realtime:SubscriptionBufferCapacity must be at least Realtime:PageSize (events read per query), and PageSize at least 1.")
            .ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<RealtimeMetrics>();
        services.TryAddSingleton<ScopeResolver>();
        services.TryAddSingleton<EventFanout>();
        services.AddHostedService<LogTailer>();
        return services;
    }
}
