using TaskForge.Storage.Local;

namespace TaskForge.Api.Hosting;

public static class StorageExtensions
{
    /// <summary>
    /// Finds the database and registers Marten and Wolverine on it. The connection string is
    /// <c>ConnectionStrings:TaskForge</c>; when none is configured, a local cluster is started (or a running one reused)
    /// under <c>TaskForge:DataDirectory</c> (default <c>.taskforge/</c> in the working directory), and stopped with the API.
    /// </summary>
    public static async Task<WebApplicationBuilder> AddTaskForgeStorageAsync(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString("TaskForge");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.GetFullPath(builder.Configuration["TaskForge:DataDirectory"] ?? ".taskforge");
            var cluster = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: false);
            builder.Services.AddSingleton(cluster);
            builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
            connectionString = cluster.ConnectionString();
            Console.WriteLine(cluster.StartedByThisProcess
                ? $"TaskForge: no ConnectionStrings:TaskForge configured; started the embedded PostgreSQL in {folder} on port {cluster.Port} (stopped with the API)."
                : $"TaskForge: no ConnectionStrings:TaskForge configured; reusing the embedded PostgreSQL already running in {folder} on port {cluster.Port} (left running: another process started it).");
        }

        var options = builder.Configuration.GetSection("TaskForge").Get<TaskForgeStorageOptions>() ?? new TaskForgeStorageOptions();
        builder.Services.AddTaskForgeMarten(connectionString, options);
        builder.Services.AddTaskForgeWolverine(options);
        return builder;
    }
}
