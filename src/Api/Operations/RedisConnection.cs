using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace TaskForge.Api.Operations;

/// <summary>
/// The node's one Redis connection, shared by readiness, rate limiting and SignalR. Registered with TryAdd, built the
/// same way wherever it is registered: whichever module registers first wins and the others reuse it.
/// </summary>
public static class RedisConnection
{
    public const string ConnectionStringName = "Redis";

    public static void Register(IServiceCollection services, string connectionString) =>
        services.TryAddSingleton<IConnectionMultiplexer>(_ => Connect(connectionString));

    /// <summary>Connects in the background: a Redis that is down at start-up makes the node unready, not crash.</summary>
    public static ConnectionMultiplexer Connect(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }
}
