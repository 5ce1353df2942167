using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Hosting;

public sealed class HostTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task The_host_creates_Marten_Wolverine_and_read_model_tables_and_reports_live_and_ready()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.UseSetting("ConnectionStrings:TaskForge", database.ConnectionString));
        using var client = factory.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await using var tables = database.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'taskforge' AND tablename IN ('mt_events', 'mt_streams', 'mt_event_progression', 'wolverine_outgoing_envelopes', 'feed_entries_v1')");
        Assert.Equal(5L, (long)(await tables.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Ready_fails_while_the_database_refuses_connections_and_recovers_after_while_live_still_answers()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.UseSetting("ConnectionStrings:TaskForge", database.ConnectionString));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);

        await SetConnectionsAllowedAsync(false);
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        }
        finally
        {
            await SetConnectionsAllowedAsync(true);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }

    // Refusing new connections and ending the open ones makes the database unreachable for the host's pool.
    private async Task SetConnectionsAllowedAsync(bool allowed)
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
