using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskForge.EventStore;
using TaskForge.Projections.Feeds;
using TaskForge.Projections.Hosting;
using TaskForge.Projections.Membership;
using TaskForge.Projections.Rebuild;
using TaskForge.Projections.Tests.Support;
using TaskForge.Testing;

namespace TaskForge.Projections.Tests.Hosting;

public sealed class AddTaskForgeProjectionsTests(EventStoreFixture fixture) : IClassFixture<EventStoreFixture>
{
    [Fact]
    public async Task Given_the_services_When_the_host_starts_Then_the_daemon_projects_and_the_readers_answer()
    {
        var services = new ServiceCollection();
        services.AddSingleton(fixture.Store);
        services.AddTaskForgeProjections(new TaskForge.Projections.Daemon.ProjectionDaemonOptions { Schema = "hosted" });
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            var workspace = await TestWorkspace.CreateAsync(new DomainLog(provider.GetRequiredService<PostgresEventStore>()), "Hosted");
            await Projected.CaughtUpAsync(fixture.Store, provider.GetRequiredService<ProjectionAdmin>(), "membership", "feed");

            Assert.Equal(["Hosted"], (await provider.GetRequiredService<MembershipReader>().WorkspacesOfAsync(workspace.Owner)).Select(w => w.Name));
            Assert.Single((await provider.GetRequiredService<FeedReader>().ListAsync(workspace.Owner)).Entries);
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }
}
