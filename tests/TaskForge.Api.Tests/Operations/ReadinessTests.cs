using System.Net;
using System.Text.Json;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Operations;

public sealed class ReadinessTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly Uri Ready = new("/health/ready", UriKind.Relative);

    [Fact]
    public async Task Ready_lists_the_database_the_schema_and_the_projections_running_on_the_leader()
    {
        await using var factory = OperationsHost.Start(database);
        using var client = factory.CreateClient();

        // The daemon takes its leadership lock a moment after start-up.
        var (status, body) = await OperationsHost.EventuallyAsync(() => ReadAsync(client),
            ready => Check(ready.Body, "projections").GetProperty("description").GetString()!.StartsWith("leader:", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(["database", "projections", "schema"], body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).Order());
        Assert.All(body.GetProperty("checks").EnumerateArray(), check => Assert.Equal("Healthy", check.GetProperty("status").GetString()));
        Assert.Contains("running on this node", Check(body, "projections").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("tables exist", Check(body, "schema").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cold_standby_node_is_ready_and_says_the_leader_runs_the_projections()
    {
        await using var leader = OperationsHost.Start(database);
        using var leaderClient = leader.CreateClient();
        await OperationsHost.EventuallyAsync(() => ReadAsync(leaderClient), ready => Description(ready.Body).StartsWith("leader:", StringComparison.Ordinal));
        await using var standby = OperationsHost.Start(database);
        using var standbyClient = standby.CreateClient();

        var (status, body) = await ReadAsync(standbyClient);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", Check(body, "projections").GetProperty("status").GetString());
        Assert.StartsWith("standby:", Description(body), StringComparison.Ordinal);
        Assert.StartsWith("leader:", Description((await ReadAsync(leaderClient)).Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_that_runs_no_projections_is_ready_and_says_where_they_run()
    {
        await using var factory = OperationsHost.Start(database, ("TaskForge:RunProjections", "false"));
        using var client = factory.CreateClient();

        var (status, body) = await ReadAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", Check(body, "projections").GetProperty("status").GetString());
        Assert.Contains("other nodes run them", Check(body, "projections").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_is_503_with_the_database_and_schema_unhealthy_while_the_database_refuses_connections()
    {
        await using var factory = OperationsHost.Start(database);
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(client)).Status);

        await OperationsHost.SetConnectionsAllowedAsync(database, false);
        try
        {
            var (status, body) = await ReadAsync(client);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", Check(body, "database").GetProperty("status").GetString());
            Assert.Equal("PostgreSQL is unreachable", Check(body, "database").GetProperty("description").GetString());
            Assert.Equal("Unhealthy", Check(body, "schema").GetProperty("status").GetString());
        }
        finally
        {
            await OperationsHost.SetConnectionsAllowedAsync(database, true);
        }

        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(client)).Status);
    }

    [Fact]
    public async Task A_configured_Redis_that_does_not_answer_makes_the_node_unready()
    {
        // Port 1 on the loopback: nothing listens, so the connection is refused at once.
        await using var factory = OperationsHost.Start(database, ("ConnectionStrings:Redis", "127.0.0.1:1,connectTimeout=500"));
        using var client = factory.CreateClient();

        var (status, body) = await ReadAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", Check(body, "redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(body, "database").GetProperty("status").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Ready);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Description(JsonElement body) => Check(body, "projections").GetProperty("description").GetString()!;

    private static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == name);
}
