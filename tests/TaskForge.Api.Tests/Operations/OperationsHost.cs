using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Operations;

internal static class OperationsHost
{
    /// <summary>The API on <paramref name="database"/>, with extra settings.</summary>
    public static WebApplicationFactory<Program> Start(PostgresDatabaseFixture database, params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:TaskForge", database.ConnectionString);
            foreach (var (key, value) in settings)
                host.UseSetting(key, value);
        });

    /// <summary>Polls <paramref name="condition"/> until it holds (a deadline, not a fixed sleep).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> attempt, Func<T, bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await attempt();
            if (condition(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(50);
        }
    }

    // Refusing new connections and ending the open ones makes the database unreachable for the host's pool.
    public static async Task SetConnectionsAllowedAsync(PostgresDatabaseFixture database, bool allowed)
    {
        await using var admin = new NpgsqlConnection(await TestCluster.AdminConnectionStringAsync());
        await admin.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE {database.DatabaseName} ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", admin);
        await alter.ExecuteNonQueryAsync();
        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand(
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database.DatabaseName}' AND pid <> pg_backend_pid()", admin);
            await terminate.ExecuteNonQueryAsync();
        }
    }
}
