using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TaskForge.Api.Tests.Operations;
using TaskForge.Storage.Local;

namespace TaskForge.Api.Tests.Hosting;

/// <summary>The run command's default: with no connection string the API starts a local PostgreSQL, and stops it when it stops.</summary>
public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task Given_no_connection_string_When_the_API_stops_Then_the_cluster_it_started_is_stopped()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-embedded-{Guid.NewGuid():N}");
        try
        {
            await using (var factory = Embedded(folder))
            {
                using var client = factory.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
                Assert.True(File.Exists(PidFile(folder)));
            }

            Assert.False(File.Exists(PidFile(folder)), "the postmaster outlived the API");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Given_no_connection_string_When_the_API_stops_Then_nothing_is_cut_off_on_the_way()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-embedded-{Guid.NewGuid():N}");
        var logs = new CapturingLoggerProvider();
        try
        {
            await using (var factory = Embedded(folder).WithWebHostBuilder(host => host.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs))))
            {
                using var client = factory.CreateClient();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
                // The daemon's wake-up listens on a connection of its own once running: the stop must not cut it.
                await using var connection = new Npgsql.NpgsqlConnection(factory.Services.GetRequiredService<LocalPostgresCluster>().ConnectionString());
                await connection.OpenAsync();
                await using var listening = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'LISTEN %'", connection);
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while ((long)(await listening.ExecuteScalarAsync())! == 0)
                {
                    Assert.True(DateTime.UtcNow < deadline, "the daemon's wake-up never listened");
                    await Task.Delay(50);
                }

                // Ready answers once one projection runs; stopping while the coordinator still starts the others cancels
                // those starts, which Marten logs as errors. This test is about the stop of a running node: all of them run.
                var coordinator = factory.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
                var shards = ((Marten.DocumentStore)factory.Services.GetRequiredService<Marten.IDocumentStore>()).Options.Projections.AllShards().Count;
                while (coordinator.DaemonForMainDatabase().CurrentAgents().Count(a => a.Status == JasperFx.AgentStatus.Running) < shards)
                {
                    Assert.True(DateTime.UtcNow < deadline, "the projections never all ran");
                    await Task.Delay(50);
                }
            }

            Assert.Contains(logs.Entries, e => e.Message.StartsWith("Stopped the embedded PostgreSQL", StringComparison.Ordinal));
            var warnings = logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Level} {e.Category}: {e.Message}\n{e.Exception}").ToList();
            Assert.True(warnings.Count == 0, string.Join("\n\n", warnings));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Given_a_cluster_already_running_in_the_folder_When_the_API_stops_Then_it_leaves_it_to_its_owner()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"taskforge-embedded-{Guid.NewGuid():N}");
        await using var owner = await LocalPostgresCluster.StartAsync(folder, removeOnDispose: true);
        await using (var factory = Embedded(folder))
        {
            using var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        }

        Assert.True(File.Exists(PidFile(folder)), "the API stopped a cluster it did not start");
        await using var connection = new Npgsql.NpgsqlConnection(owner.ConnectionString());
        await connection.OpenAsync();
    }

    private static WebApplicationFactory<Program> Embedded(string folder) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:TaskForge", "");
            host.UseSetting("TaskForge:DataDirectory", folder);
        });

    private static string PidFile(string folder) => Path.Combine(folder, "pgdata", "postmaster.pid");
}
