using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TaskForge.Api.Demo;

/// <summary>Seeds the demo once the host has started (Wolverine and the daemon running), then says how to sign in.</summary>
internal sealed class DemoStartup(DemoSeeder seeder, IHostApplicationLifetime lifetime, IServer server, ILogger<DemoStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SeedAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var seeded = await seeder.SeedAsync(cancellationToken);
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
            Console.WriteLine($$"""

                TaskForge demo {{(seeded ? "seeded" : "already seeded")}}: workspace "{{DemoSeeder.WorkspaceName}}", project "{{DemoSeeder.ProjectName}}".
                  GraphiQL:  {{address}}/graphql
                  Sign in:   mutation { login(input: { email: "{{DemoSeeder.Users[0].Email}}", password: "{{DemoSeeder.Password}}" }) { accessToken } }
                             then send the header  Authorization: Bearer <accessToken>
                  Also:      {{string.Join(", ", DemoSeeder.Users.Skip(1).Select(u => u.Email))}} (same password)

                """);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Seeding the demo failed");
        }
    }
}
