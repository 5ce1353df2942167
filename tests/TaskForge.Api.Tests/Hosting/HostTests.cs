using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Hosting;

public sealed class HostTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task The_host_migrates_its_database_and_reports_live_and_ready()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.UseSetting("ConnectionStrings:TaskForge", database.ConnectionString));
        using var client = factory.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await using var migrations = database.DataSource.CreateCommand("SELECT count(*) FROM taskforge.schema_migrations WHERE module = 'eventstore'");
        Assert.True((long)(await migrations.ExecuteScalarAsync())! >= 2);
    }

    [Fact]
    public async Task Ready_fails_while_the_database_is_unreachable_and_live_still_answers()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = 1, Timeout = 1 }.ConnectionString;
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:TaskForge", unreachable);
            host.UseSetting("TaskForge:SkipMigrations", "true");
        });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
    }
}
