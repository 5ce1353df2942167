using TaskForge.Api.Hosting;

namespace TaskForge.Api.Operations;

/// <summary>
/// The checks behind <c>/health/ready</c> besides the database's (registered with Marten): the schema is migrated,
/// the projections run (here or, on a standby node, elsewhere: ADR 0083), and Redis answers when it is configured.
/// </summary>
internal static class ReadinessSetup
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddTaskForgeReadiness(this WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection("TaskForge").Get<TaskForgeStorageOptions>() ?? new TaskForgeStorageOptions();
        builder.Services.AddSingleton(new SchemaHealthCheck.Settings(storage.Schema));
        builder.Services.AddSingleton(new ProjectionsHealthCheck.Settings(storage.RunProjections));
        var checks = builder.Services.AddHealthChecks()
            .AddCheck<SchemaHealthCheck>("schema", tags: [ReadyTag])
            .AddCheck<ProjectionsHealthCheck>("projections", tags: [ReadyTag]);

        if (builder.Configuration.GetConnectionString(RedisConnection.ConnectionStringName) is { Length: > 0 } redis)
        {
            RedisConnection.Register(builder.Services, redis);
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));
        }

        return builder;
    }
}
