using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TaskForge.Testing;

namespace TaskForge.Api.Tests.Hosting;

/// <summary>
/// compose.yaml's API nodes start with the settings it gives them: its environment, in Production, on a test database
/// instead of its <c>postgres</c> service (Redis and the collector left out: they are other services' addresses).
/// </summary>
public sealed class ComposeFileTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task An_API_node_starts_and_is_ready_with_the_environment_compose_yaml_gives_it()
    {
        var environment = ApiEnvironment(await File.ReadAllLinesAsync(Path.Combine(SourceTree.Root, "compose.yaml")));
        Assert.Contains("Auth__SigningKey", environment.Keys);
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment["ASPNETCORE_ENVIRONMENT"]);
            foreach (var (key, value) in environment.Where(e => !e.Key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                && !e.Key.StartsWith("OTEL_", StringComparison.Ordinal) && e.Key != "ASPNETCORE_ENVIRONMENT"))
                host.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            host.UseSetting("ConnectionStrings:TaskForge", database.ConnectionString);
        });
        using var client = factory.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    /// <summary>The <c>&amp;api-environment</c> map of compose.yaml (one <c>KEY: value</c> per line, comments skipped).</summary>
    private static Dictionary<string, string> ApiEnvironment(IReadOnlyList<string> lines)
    {
        var start = lines.ToList().FindIndex(l => l.Contains("&api-environment", StringComparison.Ordinal));
        Assert.True(start >= 0, "compose.yaml has no &api-environment");
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1))
        {
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                continue;
            if (line.Length - trimmed.Length <= indent)
                break;
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            environment[trimmed[..colon]] = trimmed[(colon + 1)..].Trim().Trim('"');
        }

        return environment;
    }
}
